package io.triplestore.store;

import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * The value factory {@link StrictNTriplesParser} builds terms with: it refuses, with
 * {@link IllegalArgumentException} (which the parser reports as a syntax error at the term), the
 * terms RDF4J would otherwise let through ({@link TermValidation}).
 *
 * <p>Concurrency: stateless; one instance is shared by every parser.
 */
final class CheckedValueFactory extends SimpleValueFactory {

  static final CheckedValueFactory INSTANCE = new CheckedValueFactory();

  private CheckedValueFactory() {}

  @Override
  public IRI createIRI(String iri) {
    return super.createIRI(TermValidation.text("the IRI", iri));
  }

  @Override
  public BNode createBNode(String nodeId) {
    return super.createBNode(TermValidation.text("the blank node label", nodeId));
  }

  @Override
  public Literal createLiteral(String label) {
    return super.createLiteral(TermValidation.text("the literal", label));
  }

  @Override
  public Literal createLiteral(String label, String language) {
    return super.createLiteral(TermValidation.text("the literal", label), TermValidation.languageTag(language));
  }

  @Override
  public Literal createLiteral(String label, IRI datatype) {
    return super.createLiteral(TermValidation.text("the literal", label), datatype);
  }

  @Override
  public Literal createLiteral(String label, IRI datatype, CoreDatatype coreDatatype) {
    return super.createLiteral(TermValidation.text("the literal", label), datatype, coreDatatype);
  }

  @Override
  public Literal createLiteral(String label, CoreDatatype datatype) {
    return super.createLiteral(TermValidation.text("the literal", label), datatype);
  }
}
