package io.triplestore.store;

/**
 * A bulk load stopped part way. Batches committed before the failure stay in the store (and are
 * flushed to disk); {@link #committedTriples()} says exactly how many input triples they held.
 */
public class BulkLoadException extends StoreException {

  private static final long serialVersionUID = 1L;

  private final long committedTriples;

  public BulkLoadException(long committedTriples, Throwable cause) {
    super("bulk load failed after committing " + committedTriples + " triples: " + cause.getMessage(), cause);
    this.committedTriples = committedTriples;
  }

  /** Input triples (added or already present) in the batches committed before the failure. */
  public long committedTriples() {
    return committedTriples;
  }
}
