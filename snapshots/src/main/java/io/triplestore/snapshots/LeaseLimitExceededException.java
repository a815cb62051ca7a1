package io.triplestore.snapshots;

/** The registry already holds its maximum number of live leases. */
public class LeaseLimitExceededException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int limit;

  public LeaseLimitExceededException(String registry, int limit) {
    super("snapshot registry '" + registry + "' already holds its maximum of " + limit + " live leases");
    this.limit = limit;
  }

  public int limit() {
    return limit;
  }
}
