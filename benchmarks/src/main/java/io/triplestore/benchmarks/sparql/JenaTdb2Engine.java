package io.triplestore.benchmarks.sparql;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;

/** Jena TDB2 queried with ARQ, each query in a read transaction as Fuseki runs a request. */
final class JenaTdb2Engine implements QueryEngine {

  private final DatasetGraph dataset;

  JenaTdb2Engine(DatasetGraph dataset) {
    this.dataset = dataset;
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
      try (QueryExec exec = QueryExec.dataset(dataset).query(sparql).build()) {
        RowSet rows = exec.select();
        long solutions = 0;
        while (rows.hasNext()) {
          rows.next();
          solutions++;
        }
        return solutions;
      }
    });
  }

  @Override
  public void close() {
    // Expel, not just close: the next open of the directory (a later run) starts clean.
    TDBInternal.expel(dataset);
  }
}
