package io.triplestore.snapshots;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A live or released lease.
 *
 * <p>Concurrency: the fields marked "registry lock" are read and written only under the
 * registry's lock. {@code state} is the read pin: the low 31 bits count reads in flight, the sign
 * bit says a release has begun. A read pins with a CAS that fails once the sign bit is set; the
 * release sets the bit, then waits until the count drains to zero before it closes iterators and
 * releases the snapshot. That is what makes a read of a released snapshot impossible.
 */
final class Lease implements SnapshotLease {

  private static final int RELEASING = Integer.MIN_VALUE;
  private static final long NOT_YET = Long.MIN_VALUE;
  private static final int READERS = Integer.MAX_VALUE;
  private static final VarHandle STATE;
  private static final VarHandle REASON;
  private static final VarHandle RELEASED_NANOS;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Lease.class, "state", int.class);
      REASON = lookup.findVarHandle(Lease.class, "reason", ReleaseReason.class);
      RELEASED_NANOS = lookup.findVarHandle(Lease.class, "releasedNanos", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final DefaultSnapshotRegistry registry;
  final long id;
  final Object snapshot;
  final String label;
  final String threadName;
  final long createdNanos;
  final CreationSite creationSite;

  // registry lock
  long ttlNanos;
  long deadlineNanos;
  long warnAtNanos;
  boolean warned;
  boolean expiredFlag;
  boolean ownerDownFlag;
  int wheelSlot = -1;
  Lease wheelPrev;
  Lease wheelNext;
  Lease olderLease;
  Lease newerLease;
  OwnerGroup ownerGroup;
  Lease ownerPrev;
  Lease ownerNext;
  OwnerReference ownerReference;

  private volatile int state;
  private volatile ReleaseReason reason;
  // Written before the RELEASING bit is set and read only after seeing it: the atomic update of
  // state publishes it, so it needs no fence of its own (it is written on every release).
  private Thread releaser;
  /** Ticker reading at release; {@link #NOT_YET} until the releasing thread has written it. */
  private volatile long releasedNanos = NOT_YET;
  private List<PinnedIterator> iterators; // guarded by this

  Lease(DefaultSnapshotRegistry registry, long id, Object snapshot, String label, String threadName,
      long createdNanos, long ttlNanos, CreationSite creationSite) {
    this.registry = registry;
    this.id = id;
    this.snapshot = snapshot;
    this.label = label;
    this.threadName = threadName;
    this.createdNanos = createdNanos;
    this.creationSite = creationSite;
    this.ttlNanos = ttlNanos;
  }

  // ---- read pin ----

  /** Pins the lease for one read; false once a release has begun. */
  boolean pin() {
    for (;;) {
      int current = state;
      if (current < 0) {
        return false;
      }
      if (STATE.compareAndSet(this, current, current + 1)) {
        return true;
      }
    }
  }

  void unpin() {
    int after = (int) STATE.getAndAdd(this, -1) - 1;
    if (after == RELEASING) {
      LockSupport.unpark(releaser);
    }
  }

  void pinOrThrow() {
    if (!pin()) {
      throw new SnapshotReleasedException(id, reason);
    }
  }

  /** Claims the release for {@code why}; exactly one caller ever wins. */
  boolean claimRelease(ReleaseReason why) {
    if (!REASON.compareAndSet(this, null, why)) {
      return false;
    }
    releaser = Thread.currentThread();
    STATE.getAndBitwiseOr(this, RELEASING);
    return true;
  }

  /** Waits until no read is in flight. Called by the thread that claimed the release. */
  void awaitReadsDrained() {
    while (((int) STATE.getVolatile(this) & READERS) != 0) {
      // The unpark in unpin() wakes us at once; the timeout only guards a lost wake-up.
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
    }
  }

  void markReleasedAt(long nanos) {
    // A release store: age() on another thread has no ordering with the release to rely on
    // beyond seeing this value once written, and a full fence (on every release) buys it nothing.
    RELEASED_NANOS.setRelease(this, nanos);
  }

  // ---- iterators ----

  synchronized void addIterator(PinnedIterator iterator) {
    if (iterators == null) {
      iterators = new ArrayList<>(2);
    }
    iterators.add(iterator);
  }

  synchronized void forgetIterator(PinnedIterator iterator) {
    if (iterators != null) {
      iterators.remove(iterator);
    }
  }

  /** After the reads have drained: close every iterator still open. */
  void closeIterators() {
    // Iterators are added only under a read pin, and every pin has been released (and so
    // happens-before this call) once the reads have drained; no pin can be taken any more. So an
    // unlocked read that sees null means no iterator was ever opened, and skips the lock that
    // nearly every release would otherwise take for nothing.
    if (iterators == null) {
      return;
    }
    List<PinnedIterator> open;
    synchronized (this) {
      open = iterators;
      iterators = null;
    }
    if (open != null) {
      for (PinnedIterator iterator : open) {
        iterator.closeForRelease();
      }
    }
  }

  // ---- SnapshotLease ----

  @Override
  public long id() {
    return id;
  }

  @Override
  public String ownerLabel() {
    return label;
  }

  @Override
  public String ownerThreadName() {
    return threadName;
  }

  @Override
  public Instant createdAt() {
    return registry.instantOf(createdNanos);
  }

  @Override
  public Duration age() {
    long released = releasedNanos;
    long end = released == NOT_YET ? registry.now() : released;
    return Duration.ofNanos(Math.max(0, end - createdNanos));
  }

  @Override
  public Duration ttl() {
    return registry.ttlOf(this);
  }

  @Override
  public boolean isReleased() {
    return reason != null;
  }

  @Override
  public Optional<ReleaseReason> releaseReason() {
    return Optional.ofNullable(reason);
  }

  ReleaseReason reasonOrNull() {
    return reason;
  }

  @Override
  public LeaseInfo info() {
    return registry.describe(this);
  }

  @Override
  public void renew(Duration ttl) {
    registry.renew(this, ttl);
  }

  @Override
  public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
    SnapshotReader<Object> reader = registry.reader();
    pinOrThrow();
    try {
      return reader.get(snapshot, columnFamily, key);
    } finally {
      unpin();
    }
  }

  @Override
  public LeaseIterator iterator(ColumnFamilyHandle columnFamily, IteratorOptions options) {
    SnapshotReader<Object> reader = registry.reader();
    pinOrThrow();
    try {
      PinnedIterator iterator = new PinnedIterator(this, reader.iterator(snapshot, columnFamily, options));
      addIterator(iterator);
      return iterator;
    } finally {
      unpin();
    }
  }

  @Override
  public void close() {
    registry.release(this, ReleaseReason.MANUAL);
  }

  @Override
  public String toString() {
    ReleaseReason why = reason;
    return "SnapshotLease[id=" + id + ", owner=" + label + (why == null ? "" : ", released=" + why) + "]";
  }
}
