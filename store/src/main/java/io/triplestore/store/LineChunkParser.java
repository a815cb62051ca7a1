package io.triplestore.store;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.common.exception.RDF4JException;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.helpers.BasicParserSettings;
import org.eclipse.rdf4j.rio.helpers.StatementCollector;
import org.eclipse.rdf4j.rio.nquads.NQuadsParser;

/**
 * Parses one chunk of lines of N-Triples or N-Quads (strictly, as every reader of the store does)
 * into quads, the way {@link NTriplesInput} does: the chunk whole first, and only when that fails,
 * or a statement could have spanned lines, line by line, so that an error names the exact line and
 * the column where parsing stopped. Used by {@link ParallelLineReader}, whose chunks come from
 * several threads, so the chunk knows its first line number.
 *
 * <p>Concurrency: one instance per thread, like the Rio parser it wraps.
 */
final class LineChunkParser {

  private final RDFFormat format;
  private final InputLimits limits;
  private final RDFParser parser;
  private final List<Statement> parsed = new ArrayList<>();

  LineChunkParser(RDFFormat format, InputLimits limits) {
    this.format = format;
    this.limits = limits;
    this.parser = format.equals(RDFFormat.NQUADS) ? new StrictNQuads() : new StrictNTriplesParser();
    parser.setRDFHandler(new StatementCollector(parsed));
  }

  /** The formats this parser reads: one statement per line. */
  static boolean reads(RDFFormat format) {
    return format.equals(RDFFormat.NTRIPLES) || format.equals(RDFFormat.NQUADS);
  }

  /**
   * The quads of {@code lines}, the first of which is line {@code firstLine} of the input.
   *
   * @throws RdfSyntaxException at the first bad line
   * @throws InputLimitException at the first line with a term over the limit
   */
  List<Quad> parse(long firstLine, List<String> lines) {
    List<Quad> quads = parseWhole(lines);
    return quads != null ? quads : parseLineByLine(firstLine, lines);
  }

  private List<Quad> parseWhole(List<String> lines) {
    if (parseReportingError(new StringReader(String.join("\n", lines))) != null
        || parsed.size() != statementLines(lines)) {
      return null;
    }
    List<Quad> quads = new ArrayList<>(parsed.size());
    for (Statement statement : parsed) {
      Quad quad = toQuad(statement);
      // A line break in a literal may be an escaped one or a raw one Rio should have refused; a
      // term too large is reported with its line: both only the line-by-line pass can tell.
      if (quad == null || hasLineBreak(quad.object()) || oversizedTerm(quad) != null) {
        return null;
      }
      quads.add(quad);
    }
    return quads;
  }

  private List<Quad> parseLineByLine(long firstLine, List<String> lines) {
    List<Quad> quads = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      long number = firstLine + i;
      CountingReader counting = new CountingReader(line);
      RDFParseException error = parseReportingError(counting);
      if (error != null) {
        throw syntaxError(number, column(error, counting.consumed, line), message(error), error);
      }
      for (Statement statement : parsed) {
        Quad quad;
        try {
          quad = RdfValues.toQuad(statement);
        } catch (IllegalArgumentException e) {
          throw syntaxError(number, -1, e.getMessage(), e);
        }
        String oversized = oversizedTerm(quad);
        if (oversized != null) {
          throw new InputLimitException(InputLimitException.Limit.TERM, limits.maxTermBytes(), number, oversized);
        }
        quads.add(quad);
      }
    }
    return quads;
  }

  RdfSyntaxException syntaxError(long line, long column, String message, Throwable cause) {
    return format.equals(RDFFormat.NTRIPLES)
        ? new NTriplesSyntaxException(line, column, message, cause)
        : new RdfSyntaxException(format.getName(), line, column, message, cause);
  }

  private String oversizedTerm(Quad quad) {
    String problem = limits.oversizedTerm(quad.triple());
    if (problem == null && quad.graph() != null && InputLimits.utf8Bytes(quad.graph()) > limits.maxTermBytes()) {
      problem = "the graph name is " + InputLimits.utf8Bytes(quad.graph()) + " bytes, over the limit of "
          + limits.maxTermBytes();
    }
    return problem;
  }

  private RDFParseException parseReportingError(Reader reader) {
    parsed.clear();
    try {
      parser.parse(reader, "");
      return null;
    } catch (RDFParseException e) {
      return e;
    } catch (RDF4JException | IllegalArgumentException | IndexOutOfBoundsException e) {
      // As in NTriplesInput: Rio can fail on malformed input with an index error; still a syntax error.
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

  private static long column(RDFParseException error, long consumed, String line) {
    long column = error.getColumnNumber();
    if (column >= 1 && column <= line.length() + 1) {
      return column;
    }
    return Math.max(1, Math.min(consumed, line.length() + 1));
  }

  private static String message(RDFParseException error) {
    String message = error.getMessage() == null ? "syntax error" : error.getMessage();
    return message.replaceFirst(" \\[line -?\\d+(, column -?\\d+)?\\]$", "");
  }

  /** RDF4J's N-Quads parser refusing what {@link StrictNTriplesParser} refuses. */
  private static final class StrictNQuads extends NQuadsParser {
    StrictNQuads() {
      super(CheckedValueFactory.INSTANCE);
      getParserConfig().set(BasicParserSettings.PRESERVE_BNODE_IDS, true);
    }

    @Override
    protected org.eclipse.rdf4j.model.Literal createLiteral(String label, String language,
        org.eclipse.rdf4j.model.IRI datatype, long line, long column) {
      StrictNTriplesParser.requireLanguageForLangString(language, datatype == null ? null : datatype.stringValue(),
          line, column);
      return super.createLiteral(label, language, datatype, line, column);
    }

    @Override
    protected org.eclipse.rdf4j.model.Literal createLiteral(String label, String language,
        org.eclipse.rdf4j.model.base.CoreDatatype datatype, long line, long column) {
      StrictNTriplesParser.requireLanguageForLangString(language,
          datatype == null ? null : datatype.getIri().stringValue(), line, column);
      return super.createLiteral(label, language, datatype, line, column);
    }
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
