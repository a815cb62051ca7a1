package io.triplestore.store;

/** The N-Triples input is malformed at {@link #line()}, {@link #column()}. */
public class NTriplesSyntaxException extends RdfSyntaxException {

  private static final long serialVersionUID = 1L;

  public NTriplesSyntaxException(long line, long column, String detail, Throwable cause) {
    super("N-Triples", line, column, detail, cause);
  }
}
