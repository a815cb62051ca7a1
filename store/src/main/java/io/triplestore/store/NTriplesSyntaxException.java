package io.triplestore.store;

/** The N-Triples input is malformed at {@link #line()}, {@link #column()}. */
public class NTriplesSyntaxException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final long line;
  private final long column;

  public NTriplesSyntaxException(long line, long column, String detail, Throwable cause) {
    super("malformed N-Triples at line " + line + ", column " + column + ": " + detail, cause);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line number. */
  public long line() {
    return line;
  }

  /** The 1-based column, or -1 when the parser did not say. */
  public long column() {
    return column;
  }
}
