package io.triplestore.sparql;

import io.triplestore.store.Iri;
import io.triplestore.store.Quad;
import io.triplestore.store.Rdf4jTerms;
import io.triplestore.store.Term;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Triple;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Maps between the store's terms and RDF4J values, through the store's one mapping ({@link
 * Rdf4jTerms}), with what the Sail adds: which values it can store at all, and errors as
 * {@code SailException}s.
 */
final class Values {

  static final ValueFactory FACTORY = SimpleValueFactory.getInstance();

  private Values() {}

  /** Whether the store can hold {@code value} at all: RDF-star triples it cannot. */
  static boolean storable(Value value) {
    return value == null || !(value instanceof Triple);
  }

  /** The store's term for {@code value}, {@code null} for {@code null}; see {@link #storable}. */
  static Term toTerm(Value value) {
    return value == null ? null : Rdf4jTerms.toTerm(value);
  }

  static Value toValue(Term term) {
    return Rdf4jTerms.toValue(term);
  }

  static Statement toStatement(Quad quad) {
    return Rdf4jTerms.toStatement(quad);
  }

  /**
   * The store's quad for a statement written through the Sail.
   *
   * @throws org.eclipse.rdf4j.sail.SailException naming the statement when the store cannot hold
   *     it (an RDF-star triple as subject or object)
   */
  static Quad toQuad(Resource subject, IRI predicate, Value object, Resource context) {
    try {
      return new Quad(toTerm(subject), (Iri) toTerm(predicate), toTerm(object), toTerm(context));
    } catch (IllegalArgumentException e) {
      throw new org.eclipse.rdf4j.sail.SailException(
          "the store cannot hold (" + subject + ", " + predicate + ", " + object + ", " + context + "): "
              + e.getMessage(), e);
    }
  }
}
