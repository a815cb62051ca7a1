package io.triplestore.sparql;

/**
 * What a query's default graph is when the query names no dataset (no {@code FROM}, no {@code
 * USING}, no {@code WITH}), and which graph an update without {@code GRAPH} deletes from.
 */
public enum DefaultGraph {

  /**
   * The store's unnamed default graph only, as Jena and Oxigraph do and as the SPARQL 1.1
   * Update spec reads ({@code DELETE DATA} without {@code GRAPH} touches the default graph only).
   * {@code GRAPH ?g} ranges over the named graphs. The default.
   */
  UNNAMED,

  /**
   * RDF4J's own behaviour: the default graph is the union of every graph (a multiset: a triple in
   * two graphs matches twice), and a delete without {@code GRAPH} removes the triple from every
   * graph. For clients written against RDF4J's Native or Memory stores.
   */
  UNION
}
