package io.triplestore.store;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.model.vocabulary.RDF;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.ntriples.NTriplesParser;

/**
 * RDF4J's N-Triples parser, refusing what it would otherwise store wrong: lone surrogates and
 * malformed language tags ({@link CheckedValueFactory}), and a literal typed {@code rdf:langString}
 * (or {@code rdf:dirLangString}) without a language, which RDF4J turns into a plain string. Blank
 * node labels are kept ({@code _:b1} stays {@code _:b1}). Every N-Triples reader of the project
 * (imports, bulk loads, streamed removes) parses with one of these, so all refuse the same input.
 *
 * <p>Concurrency: a parser is used by one thread at a time, like any RDF4J parser.
 */
public final class StrictNTriplesParser extends NTriplesParser {

  private static final String DIR_LANG_STRING = RDF.NAMESPACE + "dirLangString";

  public StrictNTriplesParser() {
    super(CheckedValueFactory.INSTANCE);
    getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
  }

  @Override
  protected Literal createLiteral(String label, String language, IRI datatype, long line, long column) {
    requireLanguageForLangString(language, datatype == null ? null : datatype.stringValue(), line, column);
    return super.createLiteral(label, language, datatype, line, column);
  }

  @Override
  protected Literal createLiteral(String label, String language, CoreDatatype datatype, long line, long column) {
    requireLanguageForLangString(language, datatype == null ? null : datatype.getIri().stringValue(), line, column);
    return super.createLiteral(label, language, datatype, line, column);
  }

  /** Shared with the N-Quads parser of {@link LineChunkParser}, which must refuse the same input. */
  static void requireLanguageForLangString(String language, String datatype, long line, long column) {
    boolean langString = RDF.LANGSTRING.stringValue().equals(datatype) || DIR_LANG_STRING.equals(datatype);
    if (langString && (language == null || language.isEmpty())) {
      throw new RDFParseException("a literal of datatype <" + datatype + "> needs a language tag (\"text\"@en)",
          line, column);
    }
  }
}
