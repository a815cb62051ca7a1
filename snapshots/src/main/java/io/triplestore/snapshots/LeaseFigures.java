package io.triplestore.snapshots;

import java.time.Duration;
import java.util.List;

/**
 * A lease's mutable figures copied under the registry lock, so that the {@link LeaseInfo}, with
 * its creation stack, can be built after the lock is released.
 */
final class LeaseFigures {

  private final Lease lease;
  private final long now;
  private final long ttlNanos;
  private final long deadlineNanos;
  private final boolean warned;
  private final boolean expired;
  private final boolean ownerDown;

  // registry lock held
  LeaseFigures(Lease lease, long now) {
    this.lease = lease;
    this.now = now;
    this.ttlNanos = lease.ttlNanos;
    this.deadlineNanos = lease.deadlineNanos;
    this.warned = lease.warned;
    this.expired = lease.expiredFlag;
    this.ownerDown = lease.ownerDownFlag;
  }

  /** Builds the description; materialises the creation stack, so call it without the lock. */
  LeaseInfo describe(DefaultSnapshotRegistry registry) {
    CreationSite site = lease.creationSite;
    List<StackTraceElement> stack = site == null ? List.of() : List.of(site.getStackTrace());
    return new LeaseInfo(lease.id, lease.label, lease.description, lease.threadName, registry.instantOf(lease.createdNanos),
        Duration.ofNanos(Math.max(0, now - lease.createdNanos)), Duration.ofNanos(ttlNanos),
        Duration.ofNanos(deadlineNanos - now), warned, expired, ownerDown, stack);
  }
}
