package io.triplestore.store;

import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFParseException;

/**
 * What the strict parsers ({@link StrictNTriplesParser}, {@link StrictNQuadsParser}, {@link
 * StrictTurtleParser}, {@link StrictTriGParser}) add to RDF4J's, in one place so that every format
 * refuses the same input. (The value checks themselves are {@link CheckedValueFactory}'s.)
 */
final class StrictParsing {

  private static final String DIR_LANG_STRING = RDF.NAMESPACE + "dirLangString";

  private StrictParsing() {}

  /**
   * Refuses a literal typed {@code rdf:langString} (or {@code rdf:dirLangString}) without a
   * language, which RDF4J would otherwise turn into a plain string.
   */
  static void requireLanguageForLangString(String language, String datatype, long line, long column) {
    boolean langString = RDF.LANGSTRING.stringValue().equals(datatype) || DIR_LANG_STRING.equals(datatype);
    if (langString && (language == null || language.isEmpty())) {
      throw new RDFParseException("a literal of datatype <" + datatype + "> needs a language tag (\"text\"@en)",
          line, column);
    }
  }

  /**
   * {@code number}, unless it is empty. RDF4J's Turtle parser reads a lone {@code .} where an
   * object belongs ({@code ex:s ex:p .}) as a number without digits, an empty {@code xsd:integer},
   * instead of reporting the missing object.
   */
  static org.eclipse.rdf4j.model.Literal requireDigits(org.eclipse.rdf4j.model.Literal number, long line) {
    if (number.getLabel().isEmpty() || number.getLabel().equals(".")) {
      throw new RDFParseException("expected an object (an IRI, a blank node or a literal), found '.'", line, -1);
    }
    return number;
  }

  /**
   * {@code error} at the column where the parser stopped. RDF4J's line parsers give no column, or,
   * for "Expected '<' or '_', found: g", the code point of the character found (103) instead of its
   * column; the index into the line they keep is the truth.
   */
  static RDFParseException atColumn(RDFParseException error, long line, int index) {
    return new RDFParseException(RdfSyntaxException.detail(error), error.getCause() == null ? error : error.getCause(),
        line, index + 1L);
  }
}
