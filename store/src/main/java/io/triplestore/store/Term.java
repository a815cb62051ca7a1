package io.triplestore.store;

/**
 * An RDF term: an {@link Iri}, a {@link BlankNode} or a {@link Literal}. Terms are values; two
 * terms are the same term exactly when they are equal.
 */
public sealed interface Term permits Iri, BlankNode, Literal {

  /** The term in N-Triples syntax, escaped as N-Triples requires. */
  default String toNTriples() {
    return RdfValues.toNTriples(this);
  }

  /**
   * Parses one term written in N-Triples syntax, e.g. {@code <http://x>}, {@code _:b1},
   * {@code "chat"@fr} or {@code "1"^^<http://www.w3.org/2001/XMLSchema#integer>}.
   *
   * @throws IllegalArgumentException naming the text when it is not one N-Triples term
   */
  static Term parse(String nTriples) {
    return RdfValues.parseTerm(nTriples);
  }
}
