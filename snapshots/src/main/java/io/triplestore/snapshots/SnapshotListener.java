package io.triplestore.snapshots;

/**
 * Told about lease lifecycle events. Every method has an empty default. Calls are isolated: a
 * listener that throws is logged, and the other listeners still run.
 *
 * <p>Calls come on the thread that caused the event: creation on the creator, a manual release on
 * the releaser, expiry and owner checks on the registry's maintenance thread. Keep them short.
 */
public interface SnapshotListener {

  /** A lease was created. */
  default void onCreated(SnapshotLease lease) {}

  /** A lease has reached the warning fraction of its TTL; always before its expiry. */
  default void onExpiryWarning(SnapshotLease lease, java.time.Duration remaining) {}

  /** A lease was released; {@code lease} already reports itself released. */
  default void onReleased(SnapshotLease lease, ReleaseReason reason) {}

  /**
   * In a report-only registry ({@link ExpiryAction#REPORT}): {@code lease} would have been
   * released for {@code reason} ({@code EXPIRED} or {@code OWNER_DOWN}) but stays held.
   */
  default void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {}

  /**
   * The registry has been closed, after every lease was released. The {@code onReleased} of a lease
   * whose {@code onCreated} or {@code onExpiryWarning} was still running when the registry closed
   * is delivered by that call's thread once it returns (per-lease order comes first), so it can
   * come after this call, e.g. when that listener closed the registry itself.
   */
  default void onRegistryClosed(SnapshotRegistry registry) {}
}
