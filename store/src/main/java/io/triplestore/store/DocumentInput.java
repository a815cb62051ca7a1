package io.triplestore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.eclipse.rdf4j.common.exception.RDF4JException;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;

/**
 * Streams the statements of an RDF document (Turtle, TriG, RDF/XML, JSON-LD) to a consumer as
 * quads, through Rio's streaming parser for the format. Triples go to the default graph.
 *
 * <p>Terms are built by {@link CheckedValueFactory}, so the checks of the line formats apply (no
 * lone surrogate, well-formed language tags, absolute IRIs), and blank node labels are kept as
 * written ({@link BasicParserSettings#PRESERVE_BNODE_IDS}) where the parser allows: Turtle, TriG
 * and RDF/XML keep them; RDF4J's JSON-LD parser (Titanium) renames them ({@code _:b0}, ...), so a
 * JSON-LD input is stored up to blank node renaming. A JSON-LD value the JSON-LD algorithms drop
 * (a relative IRI, a malformed language tag) is dropped, as the standard says, not refused.
 * Turtle and TriG go through {@link StrictTurtleParser} and {@link StrictTriGParser}, which also
 * refuse {@code rdf:langString} without a language; RDF4J's RDF/XML and JSON-LD parsers turn
 * such a literal into a plain string before any hook of ours sees it.
 *
 * <p>A document has no lines to skip: the first error ends the read with an {@link
 * RdfSyntaxException} naming line and column where the parser knows them (JSON-LD's does not).
 * Only the term limit of {@link InputLimits} applies, as a document may be one long line.
 */
final class DocumentInput {

  /** Relative IRIs are refused, not resolved against a made-up base: the document may set one. */
  private static final String NO_BASE = "";

  private final RDFFormat format;
  private final InputLimits limits;
  /** Where the parser is, from its location reports: confined to the parsing thread. */
  private long line = -1;
  private long column = -1;
  /** What the consumer threw, rethrown as is however the parser wraps it. */
  private RuntimeException sinkFailure;

  DocumentInput(RDFFormat format, ImportOptions options) {
    if (options.skipsBadLines()) {
      throw new IllegalArgumentException("skipping bad lines works for line-based formats only (N-Triples, N-Quads):"
          + " a " + format.getName() + " document has no lines to skip; fix the input or convert it to N-Quads");
    }
    this.format = format;
    this.limits = options.limits();
  }

  /** Reads {@code in} to the end, handing each quad to {@code sink} in document order. */
  void read(InputStream in, Consumer<Quad> sink) {
    RDFParser parser = parser(format);
    parser.setParseLocationListener((lineNumber, columnNumber) -> {
      line = lineNumber;
      column = columnNumber;
    });
    parser.setRDFHandler(new AbstractRDFHandler() {
      @Override
      public void handleStatement(Statement statement) {
        Quad quad = toQuad(statement);
        try {
          sink.accept(quad);
        } catch (RuntimeException e) {
          sinkFailure = e;
          throw e;
        }
      }
    });
    try {
      parse(parser, in);
    } catch (RDFParseException e) {
      throw rethrowSinkFailure(syntaxError(e));
    } catch (RDF4JException | IllegalArgumentException e) {
      throw rethrowSinkFailure(
          new RdfSyntaxException(format.getName(), line, column, String.valueOf(e.getMessage()), e));
    } catch (CharacterCodingException e) {
      throw new RdfSyntaxException(format.getName(), line, -1, "the input is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the " + format.getName() + " input failed near line " + line + ": "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw rethrowSinkFailure(e);
    }
  }

  /** The strict parsers where RDF4J's needs more checks than the value factory can make. */
  private static RDFParser parser(RDFFormat format) {
    if (format.equals(RDFFormat.TURTLE)) {
      return new StrictTurtleParser();
    }
    if (format.equals(RDFFormat.TRIG)) {
      return new StrictTriGParser();
    }
    RDFParser parser = Rio.createParser(format, CheckedValueFactory.INSTANCE);
    parser.getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
    return parser;
  }

  private void parse(RDFParser parser, InputStream in) throws IOException {
    if (format.equals(RDFFormat.RDFXML)) {
      // XML says its own encoding in its declaration; the XML parser reads it.
      parser.parse(in, NO_BASE);
      return;
    }
    // Turtle, TriG and JSON-LD are UTF-8: malformed bytes are an error, not a replacement character.
    parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), NO_BASE);
  }

  private Quad toQuad(Statement statement) {
    Quad quad;
    try {
      quad = RdfValues.toQuad(statement);
    } catch (IllegalArgumentException e) {
      throw new RdfSyntaxException(format.getName(), line, column, e.getMessage(), e);
    }
    String oversized = limits.oversizedTerm(quad);
    if (oversized != null) {
      throw new InputLimitException(InputLimitException.Limit.TERM, limits.maxTermBytes(), line, oversized);
    }
    return quad;
  }

  private RuntimeException syntaxError(RDFParseException e) {
    // Parsers report the error's own position when they know it, else the last one they reported.
    boolean located = e.getLineNumber() > 0;
    long errorLine = located ? e.getLineNumber() : line;
    long errorColumn = located ? e.getColumnNumber() : column;
    return new RdfSyntaxException(format.getName(), errorLine, errorColumn > 0 ? errorColumn : -1,
        RdfSyntaxException.detail(e), e);
  }

  /** The consumer's own failure (a cancelled read, a limit) wins over however Rio wrapped it. */
  private RuntimeException rethrowSinkFailure(RuntimeException fallback) {
    if (sinkFailure != null) {
      return sinkFailure;
    }
    for (Throwable cause = fallback.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof RdfSyntaxException || cause instanceof InputLimitException) {
        return (RuntimeException) cause;
      }
    }
    return fallback;
  }
}
