package io.triplestore.snapshots;

/**
 * Thrown by any read through a lease that has been released. Names the lease and the reason, so
 * a caller knows whether its lease expired, was force-released by an operator, or was closed.
 */
public class SnapshotReleasedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final long leaseId;
  private final transient ReleaseReason reason;

  public SnapshotReleasedException(long leaseId, ReleaseReason reason) {
    super(reason == null
        ? "snapshot lease " + leaseId + " has been released (reason no longer recorded)"
        : "snapshot lease " + leaseId + " has been released (reason " + reason + ")");
    this.leaseId = leaseId;
    this.reason = reason;
  }

  public long leaseId() {
    return leaseId;
  }

  /** The reason, or {@code null} when the registry no longer remembers this old lease's reason. */
  public ReleaseReason reason() {
    return reason;
  }
}
