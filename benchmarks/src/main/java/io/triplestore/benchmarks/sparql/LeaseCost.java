package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * The mix on this store at one long-held lease against a lease per query. Through the Sail every
 * read is at a lease (sparql/README.md, "Every query on a lease"): there is no read of the latest
 * state to compare with. What can differ is a lease taken per query (auto-commit, RDF4J's default
 * {@code SNAPSHOT_READ}: each query sees the latest committed state at its start) against one
 * taken once and read by the whole mix (one {@code SNAPSHOT} transaction: RDF4J keeps the first
 * dataset of the transaction). The two run alternately, first one then the other, per round.
 */
final class LeaseCost {

  private LeaseCost() {}

  static void run(Rdf4jEngine engine, List<Query> queries, Map<String, Long> expected, int rounds, Budget budget) {
    List<Long> perQuery = new ArrayList<>();
    List<Long> held = new ArrayList<>();
    for (int round = 0; round < rounds && (round == 0 || !budget.expired()); round++) {
      boolean heldFirst = round % 2 == 1;
      if (heldFirst) {
        held.add(oneLease(engine, queries, expected));
      }
      perQuery.add(leasePerQuery(engine, queries, expected));
      if (!heldFirst) {
        held.add(oneLease(engine, queries, expected));
      }
    }
    double perQueryMillis = Timings.median(perQuery) / 1e6;
    double heldMillis = Timings.median(held) / 1e6;
    System.out.printf(Locale.ROOT, "%n[lease] whole mix on this store, median of %d round(s): a lease per query %.2f ms,"
        + " one lease held for the mix %.2f ms, held / per query %.2f%n", perQuery.size(), perQueryMillis, heldMillis,
        heldMillis / perQueryMillis);
  }

  /** A connection, so a dataset and a lease, per query: what the mix measures. */
  private static long leasePerQuery(Rdf4jEngine engine, List<Query> queries, Map<String, Long> expected) {
    long start = System.nanoTime();
    for (Query query : queries) {
      CrossCheck.same(query.name(), "triplestore", expected.get(query.name()), engine.count(query.text()));
    }
    return System.nanoTime() - start;
  }

  private static long oneLease(Rdf4jEngine engine, List<Query> queries, Map<String, Long> expected) {
    long start = System.nanoTime();
    try (RepositoryConnection connection = engine.repository().getConnection()) {
      connection.begin(IsolationLevels.SNAPSHOT);
      for (Query query : queries) {
        CrossCheck.same(query.name(), "triplestore (held lease)", expected.get(query.name()),
            Rdf4jEngine.count(connection, query.text(), engine.timeout()));
      }
      connection.commit();
    }
    return System.nanoTime() - start;
  }
}
