package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The correctness check before any timing: every engine must hold the same number of triples as
 * the file, and return the same number of solutions for every query, and no query may return
 * none (a query that matches nothing measures nothing). Results are compared by count only: the
 * engines' values differ in form (RDF4J's and Jena's terms), and a count is what the mix times.
 */
final class CrossCheck {

  private CrossCheck() {}

  static void sizes(List<QueryEngine> engines, long triples) {
    List<String> wrong = new ArrayList<>();
    for (QueryEngine engine : engines) {
      long size = engine.size();
      if (size != triples) {
        wrong.add(engine.name() + " holds " + size);
      }
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("the file has " + triples + " triples, but " + wrong);
    }
  }

  /** Runs every query once on every engine (also the first warm-up); returns the agreed counts. */
  static Map<String, Long> counts(List<Query> queries, List<QueryEngine> engines) {
    Map<String, Long> agreed = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (Query query : queries) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (QueryEngine engine : engines) {
        counts.put(engine.name(), engine.count(query.text()));
      }
      System.out.printf("[check] %s %s%n", query.name(), counts);
      if (counts.values().stream().distinct().count() != 1) {
        failures.add(query.name() + " counts differ: " + counts);
      } else if (counts.values().iterator().next() == 0) {
        failures.add(query.name() + " returns no solution on any store");
      } else {
        agreed.put(query.name(), counts.values().iterator().next());
      }
    }
    if (!failures.isEmpty()) {
      throw new IllegalStateException("cross-check failed:\n  " + String.join("\n  ", failures));
    }
    return agreed;
  }

  /** A count that changes between runs of the same query on unchanged data is a wrong answer. */
  static void same(String query, String engine, long expected, long actual) {
    if (expected != actual) {
      throw new IllegalStateException(query + " on " + engine + " returned " + actual
          + " solutions, " + expected + " in the cross-check");
    }
  }
}
