package io.triplestore.daemon.http;

import io.triplestore.store.InputLimitException;
import io.triplestore.store.InputLimits;
import io.triplestore.store.NTriplesSyntaxException;
import io.triplestore.store.RdfValues;
import io.triplestore.store.StrictNTriplesParser;
import io.triplestore.store.Triple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

/**
 * Streams an N-Triples body into store triples, one statement at a time, for the removes (the
 * store parses its own imports). Terms map exactly as the store maps them on import, blank node
 * labels included ({@link RdfValues}), so a removed triple is the stored one.
 */
final class NTriplesReader {

  private final InputLimits limits;
  private long line = 1;
  private long column = -1;

  NTriplesReader(InputLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads {@code in} to the end, handing each triple to {@code sink}; an exception thrown by the
   * sink stops the read and propagates as is.
   *
   * @throws NTriplesSyntaxException on a malformed line, naming line and column
   * @throws InputLimitException on a line or a term larger than the limits
   */
  void read(InputStream in, Consumer<Triple> sink) {
    RDFParser parser = new StrictNTriplesParser();
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
      // The limit sits below the parser: it never buffers more than one limit of a line.
      parser.parse(limits.limitLines(in), "");
    } catch (RDFParseException e) {
      if (e.getCause() instanceof InputLimitException tooLarge) {
        throw tooLarge;
      }
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
      return limits.check(RdfValues.toTriple(statement), line);
    } catch (IllegalArgumentException e) {
      throw new NTriplesSyntaxException(line, column, e.getMessage(), e);
    }
  }
}
