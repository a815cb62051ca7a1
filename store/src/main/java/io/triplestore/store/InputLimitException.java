package io.triplestore.store;

/**
 * An input line or term is larger than {@link InputLimits} allow. Nothing of an atomic import was
 * stored; a bulk load keeps the batches it had committed before.
 */
public class InputLimitException extends StoreException {

  private static final long serialVersionUID = 1L;

  /** Which limit was exceeded. */
  public enum Limit {
    /** {@link InputLimits#maxLineBytes()}. */
    LINE,
    /** {@link InputLimits#maxTermBytes()}. */
    TERM
  }

  private final Limit limit;
  private final long maxBytes;
  private final long line;

  public InputLimitException(Limit limit, long maxBytes, long line, String detail) {
    super("line " + line + ": " + detail);
    this.limit = limit;
    this.maxBytes = maxBytes;
    this.line = line;
  }

  public Limit limit() {
    return limit;
  }

  /** The limit, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The 1-based line where it was exceeded. */
  public long line() {
    return line;
  }
}
