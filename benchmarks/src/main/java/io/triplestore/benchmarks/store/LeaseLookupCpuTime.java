package io.triplestore.benchmarks.store;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.store.CloseableIterator;
import io.triplestore.store.Iri;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import io.triplestore.store.TriplePattern;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The latest-state and at-a-lease lookups of {@link PatternLookupBenchmark} timed by the thread's
 * CPU time, the six variants interleaved round by round (the order rotating), on the database
 * that benchmark built. On a shared machine the wall clock also counts the time the thread waited
 * for a core, which swamps a 10 us lookup; CPU time does not. It complements the JMH figures and
 * does not replace them.
 *
 * <p>Usage, after {@code PatternLookupBenchmark} has built its database for that size under the
 * same {@code -Dbench.dir}: {@code java -Dbench.dir=... -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.store.LeaseLookupCpuTime [triples] [rounds]} (default 200,000 and 30
 * rounds of 20,000 lookups per variant, after 10 warm-up rounds).
 */
public final class LeaseLookupCpuTime {

  private static final int SAMPLES = 4096;
  private static final int LOOKUPS_PER_ROUND = 20_000;
  private static final int WARMUP_ROUNDS = 10;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {
    "subject", "subject at lease", "predicate+object", "predicate+object at lease", "object", "object at lease"};

  /** Keeps the results alive so that the JIT cannot drop the work. */
  private static long sink;

  private LeaseLookupCpuTime() {}

  public static void main(String[] args) {
    int triples = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    Path database = GeneratedData.directory().resolve("lookup-" + triples);
    if (!Files.exists(database.resolve("ready"))) {
      throw new IllegalStateException("no database at " + database + ": run PatternLookupBenchmark -p triples="
          + triples + " with the same -Dbench.dir first");
    }
    SplittableRandom random = new SplittableRandom(7);
    Iri[] entities = new Iri[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      entities[i] = Iri.of(GeneratedData.entity(random.nextInt(GeneratedData.entities(triples))));
    }
    Iri knows = Iri.of(GeneratedData.KNOWS);
    try (TripleStore store = TripleStore.open(database.resolve("triplestore"), StoreOptions.defaults());
        SnapshotLease lease = store.registry().create(Duration.ofHours(1))) {
      List<Function<Iri, CloseableIterator<Triple>>> variants = List.of(
          e -> store.match(TriplePattern.of(e, null, null)),
          e -> store.match(TriplePattern.of(e, null, null), lease),
          e -> store.match(TriplePattern.of(null, knows, e)),
          e -> store.match(TriplePattern.of(null, knows, e), lease),
          e -> store.match(TriplePattern.of(null, null, e)),
          e -> store.match(TriplePattern.of(null, null, e), lease));
      double[][] perLookup = new double[variants.size()][rounds];
      for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
        for (int k = 0; k < variants.size(); k++) {
          int variant = Math.floorMod(k + round, variants.size());
          long start = THREADS.getCurrentThreadCpuTime();
          run(variants.get(variant), entities);
          long cpu = THREADS.getCurrentThreadCpuTime() - start;
          if (round >= 0) {
            perLookup[variant][round] = cpu / 1e3 / LOOKUPS_PER_ROUND;
          }
        }
      }
      System.out.printf(Locale.ROOT, "CPU us/lookup, %,d triples, %d rounds of %,d (median, min..max)%n",
          triples, rounds, LOOKUPS_PER_ROUND);
      for (int variant = 0; variant < variants.size(); variant++) {
        double[] sorted = perLookup[variant].clone();
        Arrays.sort(sorted);
        String ratio = variant % 2 == 1
            ? String.format(Locale.ROOT, "  at lease / latest %.2f (median of per-round ratios)",
                medianRatio(perLookup[variant], perLookup[variant - 1]))
            : "";
        System.out.printf(Locale.ROOT, "%-26s %7.2f  (%.2f..%.2f)%s%n",
            NAMES[variant], sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], ratio);
      }
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void run(Function<Iri, CloseableIterator<Triple>> variant, Iri[] entities) {
    for (int i = 0; i < LOOKUPS_PER_ROUND; i++) {
      try (CloseableIterator<Triple> matches = variant.apply(entities[i & (SAMPLES - 1)])) {
        while (matches.hasNext()) {
          sink += matches.next().hashCode();
        }
      }
    }
  }

  private static double medianRatio(double[] leased, double[] latest) {
    double[] ratios = new double[leased.length];
    for (int i = 0; i < leased.length; i++) {
      ratios[i] = leased[i] / latest[i];
    }
    Arrays.sort(ratios);
    return ratios[ratios.length / 2];
  }
}
