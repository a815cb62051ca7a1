package io.triplestore.store;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * Parses one chunk of lines of N-Triples or N-Quads, strictly, into quads: {@link LineInput}'s
 * chunk parsing (the chunk whole first, line by line when that fails, so an error names the exact
 * line and column), for {@link ParallelLineReader}, whose chunks are parsed on several threads and
 * so carry their first line number.
 *
 * <p>Concurrency: one instance per thread, like the Rio parser inside it.
 */
final class LineChunkParser {

  private final LineInput input;

  LineChunkParser(RDFFormat format, InputLimits limits) {
    this.input = new LineInput(format, ImportOptions.builder().limits(limits).build());
  }

  /** The formats this parser reads: one statement per line. */
  static boolean reads(RDFFormat format) {
    return LineInput.isLineFormat(format);
  }

  /**
   * The quads of {@code lines}, the first of which is line {@code firstLine} of the input.
   *
   * @throws RdfSyntaxException at the first bad line
   * @throws InputLimitException at the first line with a term over the limit
   */
  List<Quad> parse(long firstLine, List<String> lines) {
    List<Quad> quads = new ArrayList<>(lines.size());
    input.readChunk(firstLine, lines, quads::add);
    return quads;
  }

  RdfSyntaxException syntaxError(long line, long column, String message, Exception cause) {
    return input.syntaxError(line, column, message, cause);
  }
}
