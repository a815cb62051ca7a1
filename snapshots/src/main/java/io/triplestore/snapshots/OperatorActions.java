package io.triplestore.snapshots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What operators do to a registry (JMX, HTTP): release a lease by id, by age or by owner label,
 * always with reason {@code FORCED}.
 *
 * <p>Concurrency: thread-safe. The leases to release are chosen under the registry's lock and
 * released after it is dropped, one by one, each through the lease's claim; a lease that another
 * thread claimed meanwhile is waited for and not counted.
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
    List<Lease> old = new ArrayList<>();
    synchronized (registry) {
      long bornBefore = registry.ticker.read() - age.toNanos();
      for (Lease l = registry.creationOrder.oldest(); l != null && l.createdNanos < bornBefore; l = l.newerLease) {
        old.add(l);
      }
    }
    return releaseAll(old);
  }

  int forceReleaseOwner(String label) {
    if (label == null || label.isEmpty()) {
      throw new IllegalArgumentException("owner label must not be empty");
    }
    List<Lease> owned = new ArrayList<>();
    synchronized (registry) {
      for (Lease l = registry.creationOrder.oldest(); l != null; l = l.newerLease) {
        if (label.equals(l.label)) {
          owned.add(l);
        }
      }
    }
    return releaseAll(owned);
  }

  private int releaseAll(List<Lease> leases) {
    int released = 0;
    for (Lease lease : leases) {
      if (registry.release(lease, ReleaseReason.FORCED) == ReleaseOutcome.RELEASED) {
        released++;
      }
    }
    return released;
  }
}
