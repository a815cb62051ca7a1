package io.triplestore.benchmarks.sparql;

import static io.triplestore.benchmarks.registry.Arguments.positive;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import io.triplestore.sparql.TripleStoreSail;
import io.triplestore.store.TripleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * The SPARQL query mix of issue 15 on four stores loaded with the same generated LUBM-style data,
 * in one run: this store through {@code TripleStoreSail}, RDF4J's NativeStore and LMDB store (the
 * same engine on other storage) and Jena TDB2 with ARQ. Then, on this store only, the mix at one
 * held lease against a lease per query ({@link LeaseCost}) and one query while a writer adds
 * triples ({@link QueryUnderWrites}).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.sparql.SparqlQueryMix [universities=18] [rounds=5] [budget-seconds=1800]}.
 * About 57,000 triples per university: 18 give 1,023,291 (default seed). The budget counts from
 * the end of loading; a started query or round is finished. System properties: {@code sparql.warmup} (rounds, default 2, the
 * cross-check being the first), {@code sparql.timeoutSeconds} (default 300: a query running longer
 * on any store stops the run, naming it, rather than letting it overrun the budget unseen), {@code
 * sparql.seed}, {@code sparql.writeQuery} (default q02),
 * {@code sparql.explain} (query names, comma-separated: prints RDF4J's optimized plan on this
 * store and on NativeStore), {@code sparql.stores} (default all four, comma-separated), {@code bench.dir} (where data and databases are kept for later runs).
 */
public final class SparqlQueryMix {

  private SparqlQueryMix() {}

  public static void main(String[] args) throws InterruptedException {
    int universities = args.length > 0 ? positive("universities", args[0]) : 18;
    int rounds = args.length > 1 ? positive("rounds", args[1]) : 5;
    Duration budgetTime = Duration.ofSeconds(args.length > 2 ? positive("budget-seconds", args[2]) : 1800);
    int warmup = Integer.getInteger("sparql.warmup", 2);
    Duration timeout = Duration.ofSeconds(Integer.getInteger("sparql.timeoutSeconds", 300));
    long seed = Long.getLong("sparql.seed", LubmGenerator.DEFAULT_SEED);
    List<Query> queries = QueryMix.load();

    Path home = GeneratedFiles.dataSetDirectory(universities, seed);
    Path data = GeneratedFiles.data(home, universities, seed);
    long triples = GeneratedFiles.lines(data);
    System.out.printf("[data] %s: %,d triples, %d universities, seed %d; %d queries%n",
        data, triples, universities, seed, queries.size());

    EngineLoader loader = new EngineLoader(home, data, timeout);
    List<String> names = stores();
    List<QueryEngine> engines = new ArrayList<>();
    try {
      for (String name : names) {
        engines.add(loader.open(name));
      }
      CrossCheck.sizes(engines, triples);
      Map<String, Long> counts = CrossCheck.counts(queries, engines);
      Budget budget = new Budget(budgetTime);
      MixRunner runner = new MixRunner(queries, engines, counts);
      runner.warmUp(warmup - 1, budget);
      MixRunner.Result result = runner.measure(rounds, budget);
      MixReport.print(queries, names, counts, result);
      if (!names.contains("triplestore")) {
        return;
      }
      Rdf4jEngine ours = (Rdf4jEngine) engines.get(names.indexOf("triplestore"));
      LeaseCost.run(ours, queries, counts, rounds, budget);
      Query writeQuery = QueryMix.named(queries, System.getProperty("sparql.writeQuery", "q02"));
      new QueryUnderWrites(storeOf(ours), ours)
          .run(writeQuery, counts.get(writeQuery.name()), Math.max(rounds, 5), budget);
      if (names.contains("native")) {
        explain(queries, ours, (Rdf4jEngine) engines.get(names.indexOf("native")));
      }
    } finally {
      engines.forEach(QueryEngine::close);
    }
  }

  /** The stores of {@code -Dsparql.stores} (comma-separated, in {@link EngineLoader#NAMES}), all by default. */
  private static List<String> stores() {
    String property = System.getProperty("sparql.stores", String.join(",", EngineLoader.NAMES));
    List<String> names = Arrays.stream(property.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
    for (String name : names) {
      if (!EngineLoader.NAMES.contains(name)) {
        throw new IllegalArgumentException("sparql.stores: no store '" + name + "'; stores: " + EngineLoader.NAMES);
      }
    }
    if (names.isEmpty() || names.size() != Set.copyOf(names).size()) {
      throw new IllegalArgumentException("sparql.stores: name each store once, at least one: " + property);
    }
    return names;
  }

  private static TripleStore storeOf(Rdf4jEngine ours) {
    return ((TripleStoreSail) ((SailRepository) ours.repository()).getSail()).store();
  }

  private static void explain(List<Query> queries, Rdf4jEngine ours, Rdf4jEngine nativeStore) {
    String names = System.getProperty("sparql.explain", "");
    for (String name : Arrays.stream(names.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList()) {
      Query query = QueryMix.named(queries, name);
      System.out.printf("%n[explain] %s on this store:%n%s%n", name, ours.explain(query.text()));
      System.out.printf("[explain] %s on NativeStore:%n%s%n", name, nativeStore.explain(query.text()));
    }
  }
}
