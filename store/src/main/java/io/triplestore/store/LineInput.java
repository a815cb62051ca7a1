package io.triplestore.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.rdf4j.common.exception.RDF4JException;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;

/**
 * Streams the statements of a line-based input (N-Triples, N-Quads) to a consumer as quads,
 * parsed by RDF4J Rio, in chunks of lines so that memory does not grow with the input. Triples go
 * to the default graph.
 *
 * <p>Why chunks: these formats hold one statement per line, but Rio reads on past a line break
 * inside an unterminated literal, so the line it blames can be far from the bad one, and its
 * columns are unreliable. Each chunk is parsed whole (fast); if that fails, or any statement could
 * have spanned lines, the chunk is parsed again line by line, which names the exact line and the
 * column where parsing stopped. A bad line then fails the read with {@link RdfSyntaxException}
 * ({@link NTriplesSyntaxException} for N-Triples), or, when the options skip bad lines, is
 * reported as a {@link SkippedLine} and left out.
 */
final class LineInput {

  private static final int CHUNK_LINES = 1024;
  /** A chunk also ends at this many characters, so that long lines do not make a huge chunk. */
  private static final int CHUNK_CHARS = 1 << 20;

  private final RDFFormat format;
  private final ImportOptions options;
  private final InputLimits limits;
  private final RDFParser parser;
  private final List<Statement> parsed = new ArrayList<>();
  private final List<Quad> chunk = new ArrayList<>();

  LineInput(RDFFormat format, ImportOptions options) {
    if (!isLineFormat(format)) {
      throw new IllegalArgumentException(format.getName() + " is not a line-based format");
    }
    this.format = format;
    this.options = options;
    this.limits = options.limits();
    this.parser = format.equals(RDFFormat.NQUADS) ? new StrictNQuadsParser() : new StrictNTriplesParser();
    parser.setRDFHandler(new StatementCollector(parsed));
  }

  /** N-Triples and N-Quads: one statement per line, so bad lines can be told apart and skipped. */
  static boolean isLineFormat(RDFFormat format) {
    return format.equals(RDFFormat.NTRIPLES) || format.equals(RDFFormat.NQUADS);
  }

  /**
   * Reads {@code in} (UTF-8) to the end, handing each quad to {@code sink} in input order.
   *
   * @throws InputLimitException when a line or a term is larger than the options' limits
   */
  void read(InputStream in, Consumer<Quad> sink) {
    // The limit sits below the reader: readLine never buffers more than one limit of a line.
    BufferedReader reader = new BufferedReader(new InputStreamReader(limits.limitLines(in),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    List<String> lines = new ArrayList<>(CHUNK_LINES);
    long lineNumber = 0;
    long chunkChars = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        lineNumber++;
        chunkChars += line.length();
        if (lines.size() == CHUNK_LINES || chunkChars >= CHUNK_CHARS) {
          readChunk(lineNumber - lines.size() + 1, lines, sink);
          lines.clear();
          chunkChars = 0;
        }
      }
      readChunk(lineNumber - lines.size() + 1, lines, sink);
    } catch (CharacterCodingException e) {
      throw syntaxError(lineNumber + 1, -1, "the input is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the " + format.getName() + " input failed near line " + (lineNumber + 1)
          + ": " + e.getMessage(), e);
    }
  }

  /** Reads one chunk of lines, the first of which is line {@code firstLine} of the input. */
  void readChunk(long firstLine, List<String> lines, Consumer<Quad> sink) {
    if (lines.isEmpty()) {
      return;
    }
    if (parsedWhole(lines)) {
      chunk.forEach(sink);
    } else {
      readLineByLine(firstLine, lines, sink);
    }
  }

  /** Parses the chunk in one go; false when it must be checked line by line. */
  private boolean parsedWhole(List<String> lines) {
    chunk.clear();
    if (parseReportingError(new StringReader(String.join("\n", lines))) != null) {
      return false;
    }
    if (parsed.size() != statementLines(lines)) {
      return false;
    }
    for (Statement statement : parsed) {
      Quad quad = toQuad(statement);
      // A line break in a literal may be an escaped one, or a raw one Rio should have refused. A
      // term too large is reported with its line, which only the line-by-line pass knows.
      if (quad == null || hasLineBreak(quad.object()) || limits.oversizedTerm(quad) != null) {
        return false;
      }
      chunk.add(quad);
    }
    return true;
  }

  private void readLineByLine(long firstLine, List<String> lines, Consumer<Quad> sink) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      long number = firstLine + i;
      RDFParseException error = parseReportingError(new StringReader(line));
      if (error != null) {
        bad(number, column(error, line), RdfSyntaxException.detail(error), error);
        continue;
      }
      if (parsed.isEmpty() && isStatementLine(line)) {
        // RDF4J's line parsers skip a line of one character ("x", ".", "<") as if it were blank.
        bad(number, firstContentColumn(line), "expected a statement (subject, predicate, object"
            + (format.equals(RDFFormat.NQUADS) ? ", optional graph" : "") + " and a final '.'), found '"
            + line.strip() + "'", null);
        continue;
      }
      for (Statement statement : parsed) {
        Quad quad;
        try {
          quad = RdfValues.toQuad(statement);
        } catch (IllegalArgumentException e) {
          bad(number, -1, e.getMessage(), e);
          continue;
        }
        String oversized = limits.oversizedTerm(quad);
        if (oversized != null) {
          tooLarge(number, oversized);
          continue;
        }
        sink.accept(quad);
      }
    }
  }

  private void bad(long line, long column, String message, Exception cause) {
    if (!options.skipsBadLines()) {
      throw syntaxError(line, column, message, cause);
    }
    options.skipped(new SkippedLine(line, column, message));
  }

  RdfSyntaxException syntaxError(long line, long column, String message, Exception cause) {
    return format.equals(RDFFormat.NTRIPLES)
        ? new NTriplesSyntaxException(line, column, message, cause)
        : new RdfSyntaxException(format.getName(), line, column, message, cause);
  }

  /** Not a syntax error, so not a 400: a strict read fails with the limit, a lenient one skips the line. */
  private void tooLarge(long line, String problem) {
    if (!options.skipsBadLines()) {
      throw new InputLimitException(InputLimitException.Limit.TERM, limits.maxTermBytes(), line, problem);
    }
    options.skipped(new SkippedLine(line, -1, problem));
  }

  /** Parses into {@link #parsed}; the syntax error, or null. */
  private RDFParseException parseReportingError(Reader reader) {
    parsed.clear();
    try {
      parser.parse(reader, "");
      return null;
    } catch (RDFParseException e) {
      return e;
    } catch (RDF4JException | IllegalArgumentException | IndexOutOfBoundsException e) {
      // RDF4J's N-Triples parser can also fail on malformed input with an index error (a blank
      // node "_:" without a label at the end of the input): still a syntax error of the input.
      return new RDFParseException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Quad toQuad(Statement statement) {
    try {
      return RdfValues.toQuad(statement);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean hasLineBreak(Term term) {
    return term instanceof Literal literal
        && (literal.lexicalForm().indexOf('\n') >= 0 || literal.lexicalForm().indexOf('\r') >= 0);
  }

  /** Lines that must hold exactly one statement: not blank, not only a comment. */
  private static int statementLines(List<String> lines) {
    int count = 0;
    for (String line : lines) {
      if (isStatementLine(line)) {
        count++;
      }
    }
    return count;
  }

  private static boolean isStatementLine(String line) {
    String content = line.strip();
    return !content.isEmpty() && content.charAt(0) != '#';
  }

  private static long firstContentColumn(String line) {
    int index = 0;
    while (index < line.length() && (line.charAt(index) == ' ' || line.charAt(index) == '\t')) {
      index++;
    }
    return index + 1;
  }

  /**
   * The column the strict parsers computed ({@link StrictParsing#atColumn}), or -1 for an
   * error raised outside a statement, where there is no sensible one.
   */
  private static long column(RDFParseException error, String line) {
    long column = error.getColumnNumber();
    return column >= 1 && column <= line.length() + 1 ? column : -1;
  }

}
