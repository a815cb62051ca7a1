package io.triplestore.snapshots;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One maintenance tick: the expiry warnings, expiries and owner-down releases that are due.
 *
 * <p>Every decision is taken, re-checked and claimed under the registry's lock, the way
 * Caffeine's {@code evictEntry} re-checks expiry under the node lock: a lease whose warning and
 * expiry fall in one tick is warned first, outside the lock, and its expiry is decided only
 * afterwards, under the lock again, against its deadline as it is then; so a renew from the
 * warning listener (or from any thread) that succeeded is never followed by an expiry, or a
 * release-due report, of the old deadline. A lease already warned is claimed in the first pass.
 * A warning waits for the lease's creator to finish {@code onCreated}: it is deferred to the next
 * tick while the creator still holds the lease's event token.
 *
 * <p>Concurrency: {@link #run()} may run on the maintenance thread and on callers of {@code
 * cleanUp()} at once; the wheel hands each due lease to one of them. Claimed releases are
 * completed after the lock is dropped.
 */
final class LeaseMaintenance {

  private final DefaultSnapshotRegistry registry;
  private final boolean releases;

  LeaseMaintenance(DefaultSnapshotRegistry registry) {
    this.registry = registry;
    this.releases = registry.expiryAction == ExpiryAction.RELEASE;
  }

  /** A warning decided under the lock, with the remaining time as it was then. */
  private record Warning(Lease lease, Duration remaining, boolean expiresToo) {}

  void run() {
    List<Lease> due = new ArrayList<>();
    List<Warning> warnings = new ArrayList<>();
    List<Lease> expired = new ArrayList<>();
    List<Lease> orphans = new ArrayList<>();
    long now;
    synchronized (registry) {
      now = registry.clock.refresh();
      registry.drainIntake();
      registry.wheel.removeDue(now, due);
      for (Lease lease : due) {
        if (lease.isReleased()) {
          continue; // its release is running and unlinks it
        }
        if (!lease.warned) {
          // The warning always comes first, even when the expiry falls due in the same tick.
          lease.warned = true;
          registry.warningsEmitted++;
          boolean expiresToo = lease.deadlineNanos <= now;
          warnings.add(new Warning(lease, Duration.ofNanos(lease.deadlineNanos - now), expiresToo));
          if (!expiresToo) {
            registry.wheel.add(lease, lease.deadlineNanos);
          }
        } else if (lease.deadlineNanos <= now) {
          decideExpiry(lease, expired);
        } else {
          registry.wheel.add(lease, lease.deadlineNanos);
        }
      }
      List<Lease> gone = new ArrayList<>();
      registry.owners.collectOrphans(gone);
      for (Lease lease : gone) {
        decide(lease, ReleaseReason.OWNER_DOWN, orphans);
      }
    }
    finishAll(expired, ReleaseReason.EXPIRED);
    List<Lease> expireAfterWarning = new ArrayList<>();
    List<Lease> deferred = new ArrayList<>();
    for (Warning warning : warnings) {
      if (!deliver(warning)) {
        deferred.add(warning.lease());
      } else if (warning.expiresToo()) {
        expireAfterWarning.add(warning.lease());
      }
    }
    List<Lease> expiredAfterWarning = new ArrayList<>();
    if (!deferred.isEmpty() || !expireAfterWarning.isEmpty()) {
      synchronized (registry) {
        for (Lease lease : deferred) {
          defer(lease, now);
        }
        for (Lease lease : expireAfterWarning) {
          // Re-checked: a renew since the first pass has set a new deadline and refiled the lease.
          if (!lease.isReleased() && lease.wheelSlot < 0 && lease.deadlineNanos <= now) {
            decideExpiry(lease, expiredAfterWarning);
          }
        }
      }
    }
    finishAll(expiredAfterWarning, ReleaseReason.EXPIRED);
    finishAll(orphans, ReleaseReason.OWNER_DOWN);
  }

  // registry lock held
  private void decideExpiry(Lease lease, List<Lease> expired) {
    if (!releases) {
      lease.expiredFlag = true;
    }
    decide(lease, ReleaseReason.EXPIRED, expired);
  }

  /** Under the lock: claims the release, or in a report-only registry counts it as due. */
  // registry lock held
  private void decide(Lease lease, ReleaseReason reason, List<Lease> decided) {
    if (releases) {
      if (lease.claim(reason)) {
        decided.add(lease);
      }
    } else if (!lease.isReleased()) {
      if (reason == ReleaseReason.OWNER_DOWN) {
        lease.ownerDownFlag = true;
      }
      registry.releasesDue++;
      decided.add(lease);
    }
  }

  // registry lock held
  private void defer(Lease lease, long now) {
    if (lease.isReleased() || lease.wheelSlot >= 0) {
      return; // released meanwhile, or renewed (which refiled it with fresh deadlines)
    }
    lease.warned = false;
    registry.warningsEmitted--;
    registry.wheel.add(lease, now);
  }

  /** Delivers a warning unless the lease is released; false if it must wait for onCreated. */
  private boolean deliver(Warning warning) {
    Lease lease = warning.lease();
    if (!lease.tryBeginEvent()) {
      return lease.isReleased();
    }
    try {
      registry.listeners.expiryWarning(lease, warning.remaining());
    } finally {
      if (lease.endEvent()) {
        registry.listeners.released(lease, lease.reasonOrNull());
      }
    }
    return true;
  }

  /** Completes claimed releases, or reports what a report-only registry would have released. */
  private void finishAll(List<Lease> leases, ReleaseReason reason) {
    if (releases) {
      registry.completeAll(leases, reason);
      return;
    }
    for (Lease lease : leases) {
      if (!lease.isReleased()) {
        registry.listeners.releaseDue(lease, reason);
      }
    }
  }
}
