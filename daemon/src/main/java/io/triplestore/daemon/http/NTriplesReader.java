package io.triplestore.daemon.http;

import io.triplestore.store.BlankNode;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.NTriplesSyntaxException;
import io.triplestore.store.Term;
import io.triplestore.store.Triple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * Streams an N-Triples body into store triples, one statement at a time, for the removes (the
 * store parses its own imports). Terms map exactly as the store maps them on import, blank node
 * labels included, so a removed triple is the stored one.
 */
final class NTriplesReader {

  private long line = 1;
  private long column = -1;

  /**
   * Reads {@code in} to the end, handing each triple to {@code sink}; an exception thrown by the
   * sink stops the read and propagates as is.
   *
   * @throws NTriplesSyntaxException on a malformed line, naming line and column
   */
  void read(InputStream in, Consumer<Triple> sink) {
    RDFParser parser = Rio.createParser(RDFFormat.NTRIPLES);
    parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
    parser.setParseLocationListener((lineNumber, columnNumber) -> {
      line = lineNumber;
      column = columnNumber;
    });
    parser.setRDFHandler(new AbstractRDFHandler() {
      @Override
      public void handleStatement(Statement statement) {
        sink.accept(toTriple(statement));
      }
    });
    try {
      parser.parse(in, "");
    } catch (RDFParseException e) {
      String message = e.getMessage() == null ? "syntax error" : e.getMessage();
      // At the end of the input RDF4J may not say where it was; the last location it reported does.
      boolean located = e.getLineNumber() > 0;
      throw new NTriplesSyntaxException(located ? e.getLineNumber() : line, located ? e.getColumnNumber() : column,
          message.replaceFirst(" \\[line \\d+(, column \\d+)?\\]$", ""), e);
    } catch (RDFHandlerException e) {
      throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the request body failed at line " + line + ": " + e.getMessage(), e);
    }
  }

  private Triple toTriple(Statement statement) {
    try {
      return new Triple(toTerm(statement.getSubject()), (Iri) toTerm(statement.getPredicate()),
          toTerm(statement.getObject()));
    } catch (IllegalArgumentException e) {
      throw new NTriplesSyntaxException(line, column, e.getMessage(), e);
    }
  }

  private static Term toTerm(Value value) {
    if (value instanceof IRI) {
      return new Iri(value.stringValue());
    }
    if (value instanceof BNode) {
      return new BlankNode(((BNode) value).getID());
    }
    if (value instanceof org.eclipse.rdf4j.model.Literal) {
      org.eclipse.rdf4j.model.Literal literal = (org.eclipse.rdf4j.model.Literal) value;
      return literal.getLanguage()
          .map(language -> Literal.lang(literal.getLabel(), language))
          .orElseGet(() -> Literal.typed(literal.getLabel(), new Iri(literal.getDatatype().stringValue())));
    }
    throw new IllegalArgumentException("unsupported RDF term (RDF-star triples are not stored): " + value);
  }
}
