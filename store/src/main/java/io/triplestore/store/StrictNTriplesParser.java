package io.triplestore.store;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.ntriples.NTriplesParser;

/**
 * RDF4J's N-Triples parser, refusing what it would otherwise store wrong: lone surrogates and
 * malformed language tags ({@link CheckedValueFactory}), and a literal typed {@code rdf:langString}
 * without a language ({@link StrictParsing}); and reporting the column where it stopped. Blank
 * node labels are kept ({@code _:b1} stays {@code _:b1}).
 *
 * <p>Concurrency: a parser is used by one thread at a time, like any RDF4J parser.
 */
final class StrictNTriplesParser extends NTriplesParser {

  StrictNTriplesParser() {
    super(CheckedValueFactory.INSTANCE);
    getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
  }

  @Override
  protected void parseStatement() {
    try {
      super.parseStatement();
    } catch (RDFParseException e) {
      throw StrictParsing.atColumn(e, lineNo, currentIndex);
    }
  }

  @Override
  protected Literal createLiteral(String label, String language, IRI datatype, long line, long column) {
    StrictParsing.requireLanguageForLangString(language, datatype == null ? null : datatype.stringValue(), line, column);
    return super.createLiteral(label, language, datatype, line, column);
  }

  @Override
  protected Literal createLiteral(String label, String language, CoreDatatype datatype, long line, long column) {
    StrictParsing.requireLanguageForLangString(language, datatype == null ? null : datatype.getIri().stringValue(),
        line, column);
    return super.createLiteral(label, language, datatype, line, column);
  }
}
