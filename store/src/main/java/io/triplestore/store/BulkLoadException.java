package io.triplestore.store;

/**
 * A bulk load or bulk remove stopped part way. Batches committed before the failure stay committed
 * (and are flushed to disk); {@link #committedTriples()} says exactly how many input quads they
 * held.
 */
public class BulkLoadException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final long committedTriples;

  public BulkLoadException(long committedTriples, Throwable cause) {
    this("bulk load", committedTriples, cause);
  }

  /** {@code operation} ("bulk load", "bulk remove") names what failed in the message. */
  public BulkLoadException(String operation, long committedTriples, Throwable cause) {
    super(operation + " failed after committing " + committedTriples + " quads: " + cause.getMessage(), cause);
    this.committedTriples = committedTriples;
  }

  /**
   * Input quads (for a load: added or already present; for a remove: removed or absent) in the
   * batches committed before the failure.
   */
  public long committedTriples() {
    return committedTriples;
  }
}
