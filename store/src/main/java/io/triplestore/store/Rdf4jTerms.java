package io.triplestore.store;

import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * The store's terms and quads as RDF4J values and statements, and back: for code that works with
 * RDF4J's model next to the store (the SPARQL Sail). The one mapping; the store's own readers and
 * writers use it too. Reading RDF text is not offered here: that goes through the store's readers
 * ({@link TripleStore#importRdf}), so that every input meets the same checks.
 */
public final class Rdf4jTerms {

  private Rdf4jTerms() {}

  /**
   * The store's term for an RDF4J value.
   *
   * @throws IllegalArgumentException for a value the store does not hold (an RDF-star triple)
   */
  public static Term toTerm(Value value) {
    return RdfValues.toTerm(value);
  }

  /** The RDF4J value of a term. */
  public static Value toValue(Term term) {
    return RdfValues.toValue(term);
  }

  /** The RDF4J statement of a quad: its graph is the context, none for the default graph. */
  public static Statement toStatement(Quad quad) {
    return RdfValues.toStatement(quad);
  }

  /** The store's quad for an RDF4J statement: its context is the graph, none the default graph. */
  public static Quad toQuad(Statement statement) {
    return RdfValues.toQuad(statement);
  }
}
