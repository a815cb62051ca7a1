package io.triplestore.store;

import java.io.BufferedReader;
import java.io.FilterReader;
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
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;

/**
 * Streams the triples of an N-Triples input to a consumer, parsed by RDF4J Rio, in chunks of
 * lines so that memory does not grow with the input.
 *
 * <p>Why chunks: N-Triples is one statement per line, but Rio reads on past a line break inside an
 * unterminated literal, so the line it blames can be far from the bad one, and its columns are
 * unreliable. Each chunk is parsed whole (fast); if that fails, or any statement could have spanned
 * lines, the chunk is parsed again line by line, which names the exact line and the column where
 * parsing stopped. A bad line then fails the read with {@link NTriplesSyntaxException}, or, when
 * the options skip bad lines, is reported as a {@link SkippedLine} and left out.
 */
final class NTriplesInput {

  private static final int CHUNK_LINES = 1024;
  /** A chunk also ends at this many characters, so that long lines do not make a huge chunk. */
  private static final int CHUNK_CHARS = 1 << 20;

  private final ImportOptions options;
  private final InputLimits limits;
  private final RDFParser parser = new StrictNTriplesParser();
  private final List<Statement> parsed = new ArrayList<>();
  private final List<Triple> chunk = new ArrayList<>();

  NTriplesInput(ImportOptions options) {
    this.options = options;
    this.limits = options.limits();
    parser.setRDFHandler(new StatementCollector(parsed));
  }

  /**
   * Reads {@code in} (UTF-8) to the end, handing each triple to {@code sink} in input order.
   *
   * @throws InputLimitException when a line or a term is larger than the options' limits
   */
  void read(InputStream in, Consumer<Triple> sink) {
    // The limit sits below the reader: readLine never buffers more than one limit of a line.
    BufferedReader reader = new BufferedReader(new InputStreamReader(limits.limitLines(in), StandardCharsets.UTF_8.newDecoder()
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
      throw new NTriplesSyntaxException(lineNumber + 1, -1, "the input is not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading the N-Triples input failed near line " + (lineNumber + 1) + ": " + e.getMessage(), e);
    }
  }

  private void readChunk(long firstLine, List<String> lines, Consumer<Triple> sink) {
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
      Triple triple = toTriple(statement);
      // A line break in a literal may be an escaped one, or a raw one Rio should have refused. A
      // term too large is reported with its line, which only the line-by-line pass knows.
      if (triple == null || hasLineBreak(triple.object()) || limits.oversizedTerm(triple) != null) {
        return false;
      }
      chunk.add(triple);
    }
    return true;
  }

  private void readLineByLine(long firstLine, List<String> lines, Consumer<Triple> sink) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      long number = firstLine + i;
      CountingReader counting = new CountingReader(line);
      RDFParseException error = parseReportingError(counting);
      if (error != null) {
        bad(number, column(error, counting, line), message(error), error);
        continue;
      }
      for (Statement statement : parsed) {
        Triple triple;
        try {
          triple = RdfValues.toTriple(statement);
        } catch (IllegalArgumentException e) {
          bad(number, -1, e.getMessage(), e);
          continue;
        }
        String oversized = limits.oversizedTerm(triple);
        if (oversized != null) {
          tooLarge(number, oversized);
          continue;
        }
        sink.accept(triple);
      }
    }
  }

  private void bad(long line, long column, String message, Exception cause) {
    if (!options.skipsBadLines()) {
      throw new NTriplesSyntaxException(line, column, message, cause);
    }
    options.skipped(new SkippedLine(line, column, message));
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

  private static Triple toTriple(Statement statement) {
    try {
      return RdfValues.toTriple(statement);
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
      String content = line.strip();
      if (!content.isEmpty() && content.charAt(0) != '#') {
        count++;
      }
    }
    return count;
  }

  /** Rio's column when it gave a sensible one, else how far it had read into the line. */
  private static long column(RDFParseException error, CountingReader reader, String line) {
    long column = error.getColumnNumber();
    if (column >= 1 && column <= line.length() + 1) {
      return column;
    }
    return Math.max(1, Math.min(reader.consumed, line.length() + 1));
  }

  /** Rio appends " [line N, column M]", which would contradict the position we computed. */
  private static String message(RDFParseException error) {
    String message = error.getMessage() == null ? "syntax error" : error.getMessage();
    return message.replaceFirst(" \\[line -?\\d+(, column -?\\d+)?\\]$", "");
  }

  /** Counts the characters the parser has taken from one line. */
  private static final class CountingReader extends FilterReader {
    long consumed;

    CountingReader(String line) {
      super(new StringReader(line));
    }

    @Override
    public int read() throws IOException {
      int c = super.read();
      if (c >= 0) {
        consumed++;
      }
      return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      int count = super.read(buffer, offset, length);
      if (count > 0) {
        consumed += count;
      }
      return count;
    }
  }
}
