package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import io.triplestore.store.Iri;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One query on this store, quiet and then while a writer thread adds triples to the store (as the
 * daemon's {@code /triples} would, in atomic batches). The writer's triples use predicates of
 * their own, so the query's answer must not change; they are removed again at the end and the
 * store compacted, so the reused database reads as loaded.
 */
final class QueryUnderWrites {

  private static final String NS = "http://writer.bench.example.org/";
  private static final Iri PREDICATE = Iri.of(NS + "wrote");
  private static final int BATCH = 1_000;

  private final TripleStore store;
  private final Rdf4jEngine engine;
  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicLong written = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final CountDownLatch firstBatch = new CountDownLatch(1);

  QueryUnderWrites(TripleStore store, Rdf4jEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  void run(Query query, long expected, int repetitions, Budget budget) throws InterruptedException {
    List<Long> quiet = times(query, expected, repetitions, budget);
    Thread writer = new Thread(this::write, "bench-writer");
    writer.start();
    firstBatch.await(); // the query starts with writes under way, not before the first commit
    long writerStart = System.nanoTime();
    List<Long> underWrites;
    try {
      underWrites = times(query, expected, quiet.size(), budget);
    } finally {
      stop.set(true);
      writer.join();
    }
    double writerSeconds = (System.nanoTime() - writerStart) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("the writer failed", failure.get());
    }
    removeWritten();
    double quietMillis = Timings.median(quiet) / 1e6;
    double busyMillis = Timings.median(underWrites) / 1e6;
    System.out.printf(Locale.ROOT, "%n[writes] %s on this store, median of %d: quiet %.2f ms, while a writer adds"
        + " triples %.2f ms (%.2fx); the writer committed %,d triples, about %,.0f/s%n", query.name(), quiet.size(),
        quietMillis, busyMillis, busyMillis / quietMillis, written.get(), written.get() / writerSeconds);
  }

  private List<Long> times(Query query, long expected, int repetitions, Budget budget) {
    List<Long> times = new ArrayList<>();
    while (times.size() < repetitions && (times.isEmpty() || !budget.expired())) {
      long start = System.nanoTime();
      long count = engine.count(query.text());
      times.add(System.nanoTime() - start);
      CrossCheck.same(query.name(), "triplestore", expected, count);
    }
    return times;
  }

  private void write() {
    try {
      for (long batch = 0; !stop.get(); batch++) {
        store.add(batch(batch));
        written.addAndGet(BATCH);
        firstBatch.countDown();
      }
    } catch (Throwable t) {
      failure.set(t);
      firstBatch.countDown();
    }
  }

  private void removeWritten() {
    for (long batch = 0; batch * BATCH < written.get(); batch++) {
      store.remove(batch(batch));
    }
    // The removes leave tombstones (and the writes' files above the loaded ones) that every later
    // seek would step over: compact them away, so the next run reads the store as it was loaded.
    store.compact();
  }

  private static List<Triple> batch(long batch) {
    List<Triple> triples = new ArrayList<>(BATCH);
    for (long i = batch * BATCH; i < (batch + 1) * BATCH; i++) {
      triples.add(Triple.of(Iri.of(NS + "s" + i), PREDICATE, Iri.of(NS + "o" + (i % 97))));
    }
    return triples;
  }
}
