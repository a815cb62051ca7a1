package io.triplestore.snapshots;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Leases created since the registry last looked: a lock-free stack (Treiber's) whose one
 * compare-and-set both publishes a new lease and gives it its id, the id of the lease below it
 * plus one. Creating a lease therefore takes no lock and touches none of the registry's maps; the
 * registry files the new leases in its maps in batches, under its lock, when it next needs them
 * ({@link #drain()}): each maintenance tick, every lookup, every 64th creation. A lease released
 * before that is never filed at all, which is what makes a short lease cheap.
 *
 * <p>Ids are consecutive, so the stack between the newest lease and the last one drained is
 * exactly {@code newest.id - lastDrained.id} leases long, and a drain walks that many links. The
 * drain cuts each drained lease's link to the older ones, so a released lease stays reachable
 * from the stack only until the next drain.
 *
 * <p>Concurrency: {@link #push} and {@link #newestId()} from any thread, without a lock; the push
 * CAS is a full fence, which the registry's close protocol relies on (a creator pushes, then
 * reads {@code closed}; close() writes {@code closed}, then drains). {@link #drain()} and
 * {@link #drainedUpTo()} only under the registry's lock.
 */
final class LeaseIntake {

  private static final VarHandle HEAD;

  static {
    try {
      HEAD = MethodHandles.lookup().findVarHandle(LeaseIntake.class, "head", Lease.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private volatile Lease head;
  // registry lock
  private Lease lastDrained;
  private int drainedCount;

  /** @param origin a lease with id 0 that stands for "nothing created yet"; never handed out */
  LeaseIntake(Lease origin) {
    this.head = origin;
    this.lastDrained = origin;
  }

  /** Publishes {@code lease} with the next id. */
  void push(Lease lease) {
    for (;;) {
      Lease top = head;
      lease.id = top.id + 1;
      lease.intakeNext = top;
      if (HEAD.compareAndSet(this, top, lease)) {
        return;
      }
    }
  }

  /** The id of the newest lease pushed: how many have ever been created, failed ones included. */
  long newestId() {
    return head.id;
  }

  /** Registry lock held: the id of the newest lease drained; every id up to it has been handed out. */
  long drainedUpTo() {
    return lastDrained.id;
  }

  /**
   * Registry lock held: takes every lease pushed since the last drain, newest first. Returns the
   * newest (or {@code null}); walk them with {@link #next(Lease)}, exactly {@link #drainedCount()}
   * of them. Nothing is copied: a drain of leases that are already released writes no reference
   * into a long-lived object, which under G1 would cost a card-marking barrier per lease.
   */
  Lease drain() {
    Lease top = head;
    drainedCount = (int) (top.id - lastDrained.id);
    if (drainedCount == 0) {
      return null;
    }
    lastDrained = top;
    return top;
  }

  /** Registry lock held: how many leases the last {@link #drain()} took. */
  int drainedCount() {
    return drainedCount;
  }

  /**
   * Registry lock held: the lease pushed before {@code lease}, cutting the link between them, so
   * that the stack no longer keeps older, drained leases reachable.
   */
  static Lease next(Lease lease) {
    Lease older = lease.intakeNext;
    lease.intakeNext = null;
    return older;
  }
}
