package io.triplestore.benchmarks.sparql;

import java.time.Duration;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.query.explanation.Explanation;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * A store queried through RDF4J's engine: this store's {@code TripleStoreSail}, or RDF4J's Native
 * or LMDB store. A connection per query, as a server handles a request; each query then reads at
 * one dataset (for this store, one lease).
 */
final class Rdf4jEngine implements QueryEngine {

  private final String name;
  private final Repository repository;
  private final AutoCloseable underlying;
  private final Duration timeout;

  /**
   * {@code underlying} is closed after the repository is shut down (this store's {@code
   * TripleStore}); a query running longer than {@code timeout} fails the run.
   */
  Rdf4jEngine(String name, Repository repository, AutoCloseable underlying, Duration timeout) {
    this.name = name;
    this.repository = repository;
    this.underlying = underlying;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return name;
  }

  Repository repository() {
    return repository;
  }

  @Override
  public long size() {
    try (RepositoryConnection connection = repository.getConnection()) {
      // The data is loaded into the default graph only, so every store's size is that graph's.
      return connection.size();
    }
  }

  @Override
  public long count(String sparql) {
    try (RepositoryConnection connection = repository.getConnection()) {
      return count(connection, sparql, timeout);
    } catch (QueryInterruptedException e) {
      throw new IllegalStateException("a query ran longer than " + timeout + " on " + name + ":\n" + sparql, e);
    }
  }

  /** Runs {@code sparql} on an open connection (in its transaction, if it has one). */
  static long count(RepositoryConnection connection, String sparql, Duration timeout) {
    TupleQuery query = connection.prepareTupleQuery(sparql);
    query.setMaxExecutionTime((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
    long solutions = 0;
    try (TupleQueryResult result = query.evaluate()) {
      while (result.hasNext()) {
        result.next();
        solutions++;
      }
    }
    return solutions;
  }

  Duration timeout() {
    return timeout;
  }

  /** RDF4J's optimized plan of {@code sparql} on this store, with the optimizer's estimates. */
  String explain(String sparql) {
    try (RepositoryConnection connection = repository.getConnection()) {
      TupleQuery query = connection.prepareTupleQuery(sparql);
      return query.explain(Explanation.Level.Optimized).toString();
    }
  }

  @Override
  public void close() {
    repository.shutDown();
    try {
      underlying.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing " + name, e);
    }
  }
}
