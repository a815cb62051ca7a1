package io.triplestore.store;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.nquads.NQuadsParser;

/**
 * RDF4J's N-Quads parser with the checks and the column reporting of {@link StrictNTriplesParser}
 * (the two share {@link StrictParsing}; RDF4J's N-Quads parser extends its N-Triples one, so
 * one subclass cannot serve both).
 *
 * <p>Concurrency: a parser is used by one thread at a time, like any RDF4J parser.
 */
final class StrictNQuadsParser extends NQuadsParser {

  StrictNQuadsParser() {
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
