package io.triplestore.snapshots;

import java.util.NoSuchElementException;

/** No lease with this id was ever issued by the registry. */
public class UnknownLeaseException extends NoSuchElementException {

  private static final long serialVersionUID = 1L;

  private final long leaseId;

  public UnknownLeaseException(long leaseId) {
    super("no snapshot lease with id " + leaseId);
    this.leaseId = leaseId;
  }

  public long leaseId() {
    return leaseId;
  }
}
