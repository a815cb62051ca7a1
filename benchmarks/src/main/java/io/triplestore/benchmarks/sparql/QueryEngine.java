package io.triplestore.benchmarks.sparql;

/** One store loaded with the data set, answering SPARQL SELECT queries. */
interface QueryEngine extends AutoCloseable {

  /** The name in the printed tables. */
  String name();

  /** Triples in the default graph (what was loaded): compared with the file before measuring. */
  long size();

  /**
   * Runs {@code sparql} and consumes every solution, as a client reading the whole result would;
   * returns how many there were.
   */
  long count(String sparql);

  @Override
  void close();
}
