package io.triplestore.store;

import java.io.IOException;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.base.CoreDatatype;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleParser;

/**
 * RDF4J's Turtle parser with the checks of the line formats: terms built by {@link
 * CheckedValueFactory}, blank node labels kept, {@code rdf:langString} without a language refused,
 * and a missing object refused ({@link StrictParsing#requireDigits}).
 *
 * <p>Concurrency: a parser is used by one thread at a time, like any RDF4J parser.
 */
final class StrictTurtleParser extends TurtleParser {

  StrictTurtleParser() {
    super(CheckedValueFactory.INSTANCE);
    getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
  }

  @Override
  protected Literal parseNumber() throws IOException {
    return StrictParsing.requireDigits(super.parseNumber(), getLineNumber());
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
