package io.triplestore.store;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;

/**
 * Maps between RDF4J values and the store's terms; RDF4J does the N-Triples escaping. Every reader
 * and writer of the store maps through here, so a quad read is the quad stored.
 */
final class RdfValues {

  private static final ValueFactory VALUES = SimpleValueFactory.getInstance();

  private RdfValues() {}

  /**
   * The store's term for an RDF4J value.
   *
   * @throws IllegalArgumentException for a value the store does not hold (an RDF-star triple)
   */
  static Term toTerm(Value value) {
    if (value instanceof IRI iri) {
      return new Iri(iri.stringValue());
    }
    if (value instanceof BNode node) {
      return new BlankNode(node.getID());
    }
    if (value instanceof org.eclipse.rdf4j.model.Literal literal) {
      return literal.getLanguage()
          .map(language -> Literal.lang(literal.getLabel(), language))
          .orElseGet(() -> Literal.typed(literal.getLabel(), new Iri(literal.getDatatype().stringValue())));
    }
    throw new IllegalArgumentException("unsupported RDF term (RDF-star triples are not stored): " + value);
  }

  /** The store's triple for an RDF4J statement; see {@link #toTerm(Value)}. */
  static Triple toTriple(Statement statement) {
    Term subject = toTerm(statement.getSubject());
    return new Triple(subject, (Iri) toTerm(statement.getPredicate()), toTerm(statement.getObject()));
  }

  static Value toValue(Term term) {
    if (term instanceof Iri iri) {
      return VALUES.createIRI(iri.value());
    }
    if (term instanceof BlankNode node) {
      return VALUES.createBNode(node.label());
    }
    Literal literal = (Literal) term;
    return literal.language() != null
        ? VALUES.createLiteral(literal.lexicalForm(), literal.language())
        : VALUES.createLiteral(literal.lexicalForm(), VALUES.createIRI(literal.datatype().value()));
  }

  static Statement toStatement(Triple triple) {
    return VALUES.createStatement(
        (org.eclipse.rdf4j.model.Resource) toValue(triple.subject()),
        VALUES.createIRI(triple.predicate().value()),
        toValue(triple.object()));
  }

  static Statement toStatement(Quad quad) {
    org.eclipse.rdf4j.model.Resource subject = (org.eclipse.rdf4j.model.Resource) toValue(quad.subject());
    IRI predicate = VALUES.createIRI(quad.predicate().value());
    Value object = toValue(quad.object());
    return quad.graph() == null
        ? VALUES.createStatement(subject, predicate, object)
        : VALUES.createStatement(subject, predicate, object, (org.eclipse.rdf4j.model.Resource) toValue(quad.graph()));
  }

  /** The store's quad for an RDF4J statement: its context is the graph, none the default graph. */
  static Quad toQuad(Statement statement) {
    Term graph = statement.getContext() == null ? null : toTerm(statement.getContext());
    return new Quad(toTerm(statement.getSubject()), (Iri) toTerm(statement.getPredicate()), toTerm(statement.getObject()), graph);
  }

  static String toNTriples(Term term) {
    if (term instanceof Iri iri) {
      return toNTriples(iri);
    }
    // xsd:string is implied in N-Triples 1.1: written as a plain "..." literal.
    return NTriplesUtil.toNTriplesString(toValue(term), true);
  }

  /**
   * An IRI as it came: every character as itself, except those IRIREF cannot hold raw, which get
   * a UCHAR (backslash-u) escape. (RDF4J escapes characters beyond U+FFFF as two escapes of
   * surrogates, which is not N-Triples: a surrogate is no character.)
   */
  private static String toNTriples(Iri iri) {
    String value = iri.value();
    StringBuilder out = new StringBuilder(value.length() + 2).append('<');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
      } else {
        out.append(c); // a surrogate pair goes out as its two halves: one UTF-8 character
      }
    }
    return out.append('>').toString();
  }

  static Term parseTerm(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("not an N-Triples term: empty text");
    }
    try {
      return toTerm(NTriplesUtil.parseValue(text.strip(), CheckedValueFactory.INSTANCE));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not an N-Triples term: " + text + " (" + e.getMessage() + ")", e);
    }
  }
}
