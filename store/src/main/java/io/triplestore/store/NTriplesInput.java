package io.triplestore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.ParseErrorListener;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.NTriplesParserSettings;

/**
 * Streams the triples of an N-Triples input to a consumer with RDF4J Rio, one statement at a
 * time, so memory does not grow with the input. A malformed line becomes an
 * {@link NTriplesSyntaxException} naming line and column, or, when the options skip bad lines, a
 * {@link SkippedLine} report.
 */
final class NTriplesInput {

  private final ImportOptions options;
  private long skipped;
  private long line = 1;
  private long column = -1;

  NTriplesInput(ImportOptions options) {
    this.options = options;
  }

  /** Lines skipped so far. */
  long skipped() {
    return skipped;
  }

  /** Reads {@code in} to the end, handing each triple to {@code sink}. */
  void read(InputStream in, Consumer<Triple> sink) {
    RDFParser parser = Rio.createParser(RDFFormat.NTRIPLES);
    // Keep labels: _:b1 stays _:b1 in the store and in an export.
    parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
    parser.setParseLocationListener((lineNumber, columnNumber) -> {
      line = lineNumber;
      column = columnNumber;
    });
    if (options.skipsBadLines()) {
      parser.getParserConfig().set(NTriplesParserSettings.FAIL_ON_INVALID_LINES, false);
      parser.getParserConfig().addNonFatalError(NTriplesParserSettings.FAIL_ON_INVALID_LINES);
      parser.setParseErrorListener(new SkipReporter());
    }
    parser.setRDFHandler(new AbstractRDFHandler() {
      @Override
      public void handleStatement(Statement statement) {
        Triple triple;
        try {
          triple = RdfValues.toTriple(statement);
        } catch (IllegalArgumentException e) {
          badTerm(e);
          return;
        }
        sink.accept(triple);
      }
    });
    try {
      parser.parse(in, "");
    } catch (RDFParseException e) {
      // At the end of the input RDF4J may not say where it was (line -1); the last location it
      // reported does.
      boolean located = e.getLineNumber() > 0;
      throw new NTriplesSyntaxException(located ? e.getLineNumber() : line, located ? e.getColumnNumber() : column,
          detail(e), e);
    } catch (RDFHandlerException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading the N-Triples input failed at line " + line + ": " + e.getMessage(), e);
    }
  }

  private void badTerm(IllegalArgumentException e) {
    if (options.skipsBadLines()) {
      skipped++;
      options.skipped(new SkippedLine(line, column, e.getMessage()));
      return;
    }
    throw new NTriplesSyntaxException(line, column, e.getMessage(), e);
  }

  /** RDF4J appends " [line N]" to its messages; the exception already names the line. */
  private static String detail(RDFParseException e) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    return message.replaceFirst(" \\[line \\d+(, column \\d+)?\\]$", "");
  }

  private final class SkipReporter implements ParseErrorListener {
    @Override
    public void warning(String message, long lineNumber, long columnNumber) {
      // Warnings do not drop a line; nothing to report.
    }

    @Override
    public void error(String message, long lineNumber, long columnNumber) {
      skipped++;
      options.skipped(new SkippedLine(lineNumber, columnNumber, message));
    }

    @Override
    public void fatalError(String message, long lineNumber, long columnNumber) {
      // Followed by an RDFParseException, which fails the import with the same position.
    }
  }
}
