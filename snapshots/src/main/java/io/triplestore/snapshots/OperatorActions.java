package io.triplestore.snapshots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What operators do to a registry (JMX, HTTP): release a lease by id, by age or by owner label,
 * always with reason {@code FORCED}.
 *
 * <p>Concurrency: thread-safe. A bulk release chooses and claims its leases in one section under
 * the registry's lock, so it is one atomic step for other operations (a lease either was released
 * by it, or by someone before it), and runs the releases after the lock is dropped. Leases another
 * thread has claimed are neither counted nor waited for.
 */
final class OperatorActions {

  private final DefaultSnapshotRegistry registry;

  OperatorActions(DefaultSnapshotRegistry registry) {
    this.registry = registry;
  }

  ReleaseOutcome forceRelease(long id) {
    return registry.release(id, ReleaseReason.FORCED);
  }

  int forceReleaseOlderThan(Duration age) {
    if (age == null || age.isNegative()) {
      throw new IllegalArgumentException("age must be zero or positive: " + age);
    }
    List<Lease> claimed = new ArrayList<>();
    synchronized (registry) {
      registry.drainIntake();
      long bornBefore = registry.clock.now() - age.toNanos();
      for (Lease l = registry.creationOrder.oldest(); l != null && l.createdNanos < bornBefore; l = l.newerLease) {
        claimFor(l, claimed);
      }
    }
    return registry.completeAll(claimed, ReleaseReason.FORCED);
  }

  int forceReleaseOwner(String label) {
    if (label == null || label.isEmpty()) {
      throw new IllegalArgumentException("owner label must not be empty");
    }
    List<Lease> claimed = new ArrayList<>();
    synchronized (registry) {
      registry.drainIntake();
      for (Lease l = registry.creationOrder.oldest(); l != null; l = l.newerLease) {
        if (label.equals(l.label)) {
          claimFor(l, claimed);
        }
      }
    }
    return registry.completeAll(claimed, ReleaseReason.FORCED);
  }

  // registry lock held
  private static void claimFor(Lease lease, List<Lease> claimed) {
    if (lease.claim(ReleaseReason.FORCED)) {
      claimed.add(lease);
    }
  }
}
