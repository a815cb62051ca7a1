package io.triplestore.store;

import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFParseException;

/**
 * What {@link StrictNTriplesParser} and {@link StrictNQuadsParser} add to RDF4J's line parsers, in
 * one place so that both formats refuse the same input and report the same positions.
 */
final class StrictLineParsing {

  private static final String DIR_LANG_STRING = RDF.NAMESPACE + "dirLangString";

  private StrictLineParsing() {}

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
   * {@code error} at the column where the parser stopped. RDF4J's line parsers give no column, or,
   * for "Expected '<' or '_', found: g", the code point of the character found (103) instead of its
   * column; the index into the line they keep is the truth.
   */
  static RDFParseException atColumn(RDFParseException error, long line, int index) {
    return new RDFParseException(RdfSyntaxException.detail(error), error.getCause() == null ? error : error.getCause(),
        line, index + 1L);
  }
}
