package io.triplestore.snapshots;

/**
 * Live leases oldest first, as an intrusive doubly linked list: append and unlink are O(1), and
 * the oldest {@code n} are the first {@code n} nodes. Ids grow with creation time, so this is
 * also id order.
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class CreationOrder {

  private Lease oldest;
  private Lease newest;

  Lease oldest() {
    return oldest;
  }

  void append(Lease lease) {
    lease.olderLease = newest;
    lease.newerLease = null;
    if (newest == null) {
      oldest = lease;
    } else {
      newest.newerLease = lease;
    }
    newest = lease;
  }

  void unlink(Lease lease) {
    if (lease.olderLease == null) {
      oldest = lease.newerLease;
    } else {
      lease.olderLease.newerLease = lease.newerLease;
    }
    if (lease.newerLease == null) {
      newest = lease.olderLease;
    } else {
      lease.newerLease.olderLease = lease.olderLease;
    }
    lease.olderLease = null;
    lease.newerLease = null;
  }
}
