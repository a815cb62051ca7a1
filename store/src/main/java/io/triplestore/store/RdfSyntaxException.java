package io.triplestore.store;

/**
 * RDF input is malformed at {@link #line()}, {@link #column()} (each -1 where the format or its
 * parser has no such position, as in JSON-LD).
 */
public class RdfSyntaxException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final String format;
  private final long line;
  private final long column;

  public RdfSyntaxException(String format, long line, long column, String detail, Throwable cause) {
    super("malformed " + format + position(line, column) + ": " + detail, cause);
    this.format = format;
    this.line = line;
    this.column = column;
  }

  /**
   * The detail of a Rio parse error without the " [line N, column M]" Rio appends, which would
   * repeat (or contradict) the position this exception states itself.
   */
  static String detail(org.eclipse.rdf4j.rio.RDFParseException error) {
    String message = error.getMessage() == null ? "syntax error" : error.getMessage();
    return message.replaceFirst(" \\[line -?\\d+(, column -?\\d+)?\\]$", "");
  }

  private static String position(long line, long column) {
    if (line < 0) {
      return "";
    }
    return column < 0 ? " at line " + line : " at line " + line + ", column " + column;
  }

  /** The name of the format, e.g. {@code N-Triples} or {@code Turtle}. */
  public String format() {
    return format;
  }

  /** The 1-based line number, or -1 when there is none. */
  public long line() {
    return line;
  }

  /** The 1-based column, or -1 when the parser did not say. */
  public long column() {
    return column;
  }
}
