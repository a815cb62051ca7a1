package io.triplestore.snapshots;

/**
 * The leases owned by one thread, as an intrusive list, so that the owner check costs one
 * {@code isAlive()} per owning thread rather than one per lease.
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class OwnerGroup {

  final Thread thread;
  private Lease first;
  private int size;
  /** Report-only registries: its death has been reported, do not report it again. */
  boolean reported;

  OwnerGroup(Thread thread) {
    this.thread = thread;
  }

  boolean isEmpty() {
    return size == 0;
  }

  Lease first() {
    return first;
  }

  void add(Lease lease) {
    lease.ownerGroup = this;
    lease.ownerPrev = null;
    lease.ownerNext = first;
    if (first != null) {
      first.ownerPrev = lease;
    }
    first = lease;
    size++;
  }

  void remove(Lease lease) {
    if (lease.ownerPrev == null) {
      first = lease.ownerNext;
    } else {
      lease.ownerPrev.ownerNext = lease.ownerNext;
    }
    if (lease.ownerNext != null) {
      lease.ownerNext.ownerPrev = lease.ownerPrev;
    }
    lease.ownerGroup = null;
    lease.ownerPrev = null;
    lease.ownerNext = null;
    size--;
  }
}
