package io.triplestore.sparql;

import io.triplestore.store.BlankNode;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Quad;
import io.triplestore.store.RdfValues;
import io.triplestore.store.Term;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Triple;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Maps between the store's terms and RDF4J values. The store's own {@code RdfValues} maps RDF4J
 * values to terms publicly (used here); the other direction is package-private there, and is a
 * few lines, so it is written again here rather than widening the store's API.
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
    return value == null ? null : RdfValues.toTerm(value);
  }

  static Value toValue(Term term) {
    if (term instanceof Iri iri) {
      return FACTORY.createIRI(iri.value());
    }
    if (term instanceof BlankNode node) {
      return FACTORY.createBNode(node.label());
    }
    Literal literal = (Literal) term;
    return literal.language() != null
        ? FACTORY.createLiteral(literal.lexicalForm(), literal.language())
        : FACTORY.createLiteral(literal.lexicalForm(), FACTORY.createIRI(literal.datatype().value()));
  }

  static Statement toStatement(Quad quad) {
    Resource subject = (Resource) toValue(quad.subject());
    IRI predicate = FACTORY.createIRI(quad.predicate().value());
    Value object = toValue(quad.object());
    return quad.graph() == null
        ? FACTORY.createStatement(subject, predicate, object)
        : FACTORY.createStatement(subject, predicate, object, (Resource) toValue(quad.graph()));
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
