package io.triplestore.benchmarks.sparql;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Jena TDB2 queried with ARQ, each query in a read transaction as Fuseki runs a request. */
final class JenaTdb2Engine implements QueryEngine {

  private final DatasetGraph dataset;
  private final Duration timeout;

  /** A query running longer than {@code timeout} fails the run. */
  JenaTdb2Engine(DatasetGraph dataset, Duration timeout) {
    this.dataset = dataset;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "tdb2";
  }

  @Override
  public long size() {
    return Txn.calculateRead(dataset, () -> dataset.getDefaultGraph().size());
  }

  @Override
  public long count(String sparql) {
    return Txn.calculateRead(dataset, () -> {
      try (QueryExec exec = QueryExec.dataset(dataset).query(sparql)
          .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
        RowSet rows = exec.select();
        long solutions = 0;
        while (rows.hasNext()) {
          rows.next();
          solutions++;
        }
        return solutions;
      } catch (QueryCancelledException e) {
        throw new IllegalStateException("a query ran longer than " + timeout + " on tdb2:\n" + sparql, e);
      }
    });
  }

  @Override
  public void close() {
    // Expel, not just close: the next open of the directory (a later run) starts clean.
    TDBInternal.expel(dataset);
  }
}
