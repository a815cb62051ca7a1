package io.triplestore.snapshots;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A lease, and its lifecycle as one state machine held in one atomic word.
 *
 * <pre>
 *   LIVE ──claim(reason)──▶ CLAIMED ──reads drained, iterators and point reads closed, native release──▶ FINISHED
 * </pre>
 *
 * <ul>
 *   <li>LIVE: reads pin the lease (the low bits count reads in flight).
 *   <li>CLAIMED(reason): exactly one thread won the claim, which CASes the reason into the word; from
 *       that instant no pin succeeds, so {@link #isReleased()} (which reads the same bits) means
 *       "no new read can start". The winner waits for the reads in flight to drain, closes the
 *       iterators left open and the point reads, releases the native snapshot, unlinks the lease
 *       from the registry.
 *   <li>FINISHED: the native snapshot is gone. A thread that lost the claim waits for this before
 *       answering {@link ReleaseOutcome#ALREADY_RELEASED}, so no one is told "released" while the
 *       release is still running, and the registry's close() can wait for every lease it saw.
 * </ul>
 *
 * <p>Listener order: per lease, {@code onCreated}, then perhaps {@code onExpiryWarning}, then
 * {@code onReleased}. Two more bits serialize those calls without holding a lock: EVENT_BUSY is
 * held by the thread delivering {@code onCreated} (from construction) or a warning; a release
 * that finishes while it is held sets RELEASE_EVENT_PENDING instead of calling {@code onReleased},
 * and the holder delivers it when its own call returns. A warning starts only on a live lease
 * that no one else is announcing.
 *
 * <p>Two more facts live in the word and in one field. LINKED: the registry has filed the lease
 * in its maps (a creation does not; the registry's next drain of its intake does, unless the
 * release has finished by then, so a short lease is never filed); a release of a linked lease
 * unlinks it under the registry's lock before it sets FINISHED, and the two are exclusive because
 * both are CASes of this word. {@code snapshot}: {@code null} until the creator has taken the
 * native snapshot (the lease is published first, for the registry's close protocol), then the
 * snapshot or {@link #ABORTED}; a release claimed in between waits for it.
 *
 * <p>{@code pointReader}: the native state every {@code get} of the lease shares (RocksDB's {@code
 * ReadOptions}), opened by the first get, so a lease never read costs nothing more. It is
 * published by CAS under a read pin and closed by the release after the reads have drained and
 * before the snapshot goes: see {@link #pointReader} and {@link #closePointReader()}.
 *
 * <p>Concurrency: the fields marked "registry lock" are read and written only under the
 * registry's lock, or by the creator before the lease is published. {@code state} is changed only
 * by CAS or atomic read-modify-write; every transition above is one such operation. The releasing
 * thread publishes itself in {@code releaser} only when reads were in flight at its claim; a reader
 * that unpins the last read of a claimed lease unparks it. Both are volatile accesses of {@code
 * state} and {@code releaser}, so either the reader sees the releaser or the releaser sees the
 * count at zero: no lost wake-up. Waiters for FINISHED set WAITERS and wait on the lease's monitor;
 * the finishing thread notifies under that monitor only when the bit is set, so a release nobody
 * waits for takes no lock.
 */
final class Lease implements SnapshotLease {

  private static final int READERS = (1 << 23) - 1;
  /** A release waits for the creator to publish the snapshot: see {@link #awaitSnapshot()}. */
  private static final int SNAPSHOT_WAITER = 1 << 23;
  private static final int REASON_SHIFT = 24;
  private static final int REASON_BITS = 0b111 << REASON_SHIFT;
  private static final int FINISHED = 1 << 27;
  private static final int EVENT_BUSY = 1 << 28;
  private static final int RELEASE_EVENT_PENDING = 1 << 29;
  private static final int WAITERS = 1 << 30;
  /** Set by the registry, under its lock, when it files the lease in its maps; never on a finished lease. */
  private static final int LINKED = 1 << 31;
  private static final ReleaseReason[] REASONS = ReleaseReason.values();
  private static final long NOT_YET = Long.MIN_VALUE;
  /** In {@code snapshot}: the creation failed or met a closed registry; there is no snapshot. */
  static final Object ABORTED = new Object();
  /** What {@link #finish} answers when the lease is linked and must be unlinked first. */
  static final int UNLINK_FIRST = 0;
  /** What {@link #finish} answers when the caller must deliver {@code onReleased} now. */
  static final int DELIVER = 1;
  /** What {@link #finish} answers when the event token's holder delivers {@code onReleased}. */
  static final int DELIVERED_BY_HOLDER = 2;
  private static final VarHandle STATE;
  private static final VarHandle RELEASED_NANOS;
  private static final VarHandle SNAPSHOT;
  private static final VarHandle POINT_READER;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      STATE = lookup.findVarHandle(Lease.class, "state", int.class);
      RELEASED_NANOS = lookup.findVarHandle(Lease.class, "releasedNanos", long.class);
      SNAPSHOT = lookup.findVarHandle(Lease.class, "snapshot", Object.class);
      POINT_READER = lookup.findVarHandle(Lease.class, "pointReader", SnapshotReader.PointReader.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final DefaultSnapshotRegistry registry;
  /** Given by {@link LeaseIntake#push} before the lease is published; never changed after. */
  long id;
  /**
   * The native snapshot; {@code null} while the creator is still taking it, {@link #ABORTED} if it
   * never got one. Written once, with a release store; see {@link #awaitSnapshot()}.
   */
  private Object snapshot;
  final String label;
  final String description;
  final String threadName;
  final long createdNanos;
  final CreationSite creationSite;

  // intake: written by the creator before publication, then only by the registry under its lock
  /** The next older lease in the registry's intake stack. */
  Lease intakeNext;
  /** The owning thread or object, until the registry links the lease and tracks its owner. */
  Object pendingOwner;
  /** Whether {@code pendingOwner} is an owning thread (rather than an owning object). */
  boolean ownedByThread;

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

  /** Born announcing: the creator holds the event token until its onCreated calls return. */
  private volatile int state = EVENT_BUSY;
  /** The thread waiting in {@link #awaitSnapshot()}; written before it sets SNAPSHOT_WAITER. */
  private Thread snapshotWaiter;
  /** The thread that claimed the release, published only when it must wait for reads. */
  private volatile Thread releaser;
  /** Ticker reading at release; {@link #NOT_YET} until the releasing thread has written it. */
  private volatile long releasedNanos = NOT_YET;
  private List<PinnedIterator> iterators; // guarded by this
  /** {@code null} until the first get; set once, by CAS, under a read pin. */
  private SnapshotReader.PointReader pointReader;

  Lease(DefaultSnapshotRegistry registry, Object snapshot, String label, String description, String threadName,
      long createdNanos, long ttlNanos, CreationSite creationSite) {
    this.registry = registry;
    this.snapshot = snapshot;
    this.label = label;
    this.description = description;
    this.threadName = threadName;
    this.createdNanos = createdNanos;
    this.creationSite = creationSite;
    this.ttlNanos = ttlNanos;
  }

  // ---- the snapshot ----

  /** The creator's publication of the snapshot it took, or {@link #ABORTED}. */
  void publishSnapshot(Object taken) {
    SNAPSHOT.setRelease(this, taken);
  }

  /** The snapshot, {@link #ABORTED}, or {@code null} while the creator is still taking it. */
  Object snapshotOrNull() {
    return SNAPSHOT.getAcquire(this);
  }

  /** A lease its creator has not finished taking, or that never got a snapshot: not a live lease. */
  boolean isTaken() {
    Object taken = snapshotOrNull();
    return taken != null && taken != ABORTED;
  }

  /**
   * The snapshot, once the creator has published it. A release claimed while the creator is still
   * inside the native call (close() or an operator racing create) parks here until then: the
   * creator publishes the snapshot before its next atomic operation on the state word ({@link
   * #endEvent()}, or {@link #wakeSnapshotWaiter()} when it aborts), and that operation sees
   * SNAPSHOT_WAITER and unparks us. Both sides are atomic operations on one word, so either the
   * creator sees the bit or we see the snapshot: no lost wake-up, and no fence on the creator's
   * path when no one waits. Not interruptible; the interrupt is kept.
   */
  Object awaitSnapshot() {
    Object taken = snapshotOrNull();
    if (taken != null) {
      return taken;
    }
    snapshotWaiter = Thread.currentThread();
    STATE.getAndBitwiseOr(this, SNAPSHOT_WAITER);
    boolean interrupted = false;
    while ((taken = snapshotOrNull()) == null) {
      LockSupport.park(this);
      interrupted |= Thread.interrupted();
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return taken;
  }

  /** After {@link #publishSnapshot} on a path without {@link #endEvent()}: wakes a waiting release. */
  void wakeSnapshotWaiter() {
    wakeSnapshotWaiterIf((int) STATE.getAndBitwiseOr(this, 0));
  }

  private void wakeSnapshotWaiterIf(int state) {
    if ((state & SNAPSHOT_WAITER) != 0) {
      LockSupport.unpark(snapshotWaiter);
    }
  }

  // ---- linking ----

  /** Marks the lease linked unless its release has finished. Registry lock held. */
  boolean markLinked() {
    for (;;) {
      int current = state;
      if ((current & FINISHED) != 0) {
        return false;
      }
      if (STATE.compareAndSet(this, current, current | LINKED)) {
        return true;
      }
    }
  }

  private static boolean claimed(int state) {
    return (state & REASON_BITS) != 0;
  }

  // ---- read pin ----

  /** Pins the lease for one read; false once a release has been claimed. */
  boolean pin() {
    for (;;) {
      int current = state;
      if (claimed(current)) {
        return false;
      }
      if (STATE.compareAndSet(this, current, current + 1)) {
        return true;
      }
    }
  }

  void unpin() {
    int after = (int) STATE.getAndAdd(this, -1) - 1;
    if ((after & READERS) == 0 && claimed(after)) {
      Thread waiting = releaser;
      if (waiting != null) {
        LockSupport.unpark(waiting);
      }
    }
  }

  void pinOrThrow() {
    if (!pin()) {
      throw new SnapshotReleasedException(id, reasonOrNull());
    }
  }

  // ---- release: claim, drain, finish ----

  /**
   * LIVE to CLAIMED: claims the release for {@code why}; exactly one caller ever wins. On success
   * the caller must {@link #awaitReadsDrained()}, release the native snapshot and {@link #finish(long, boolean)}.
   */
  boolean claim(ReleaseReason why) {
    int bits = (why.ordinal() + 1) << REASON_SHIFT;
    for (;;) {
      int current = state;
      if (claimed(current)) {
        return false;
      }
      if (STATE.compareAndSet(this, current, current | bits)) {
        return true;
      }
    }
  }

  /**
   * Waits until no read is in flight. Called by the thread that claimed the release. Parks without
   * a timeout (the last unpin unparks it); an interrupt does not end the wait, since releasing
   * under a read would be a use after free, and is restored for the caller.
   */
  void awaitReadsDrained() {
    if (((int) STATE.getVolatile(this) & READERS) == 0) {
      return;
    }
    releaser = Thread.currentThread();
    boolean interrupted = false;
    while (((int) STATE.getVolatile(this) & READERS) != 0) {
      LockSupport.park(this);
      // park returns at once while the flag is set: clear it, or this loop would spin.
      interrupted |= Thread.interrupted();
    }
    releaser = null;
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * CLAIMED to FINISHED, after the native release. Wakes threads waiting in {@link
   * #awaitFinished()}. A lease the registry has linked is not finished unless {@code unlinked}: the
   * caller unlinks it under the registry lock and calls again, so that whoever waits for FINISHED
   * finds it gone from the registry; the CAS makes "linked" and "finished" exclusive, since the
   * registry links only unfinished leases.
   *
   * @return {@link #UNLINK_FIRST} (nothing changed), {@link #DELIVER} if the caller must deliver
   *     {@code onReleased} now, or {@link #DELIVERED_BY_HOLDER} if another thread holds the event
   *     token and will deliver it when its own listener call returns
   */
  int finish(long nanos, boolean unlinked) {
    int before;
    for (;;) {
      before = state;
      if (!unlinked && (before & LINKED) != 0) {
        return UNLINK_FIRST;
      }
      // A release store: age() needs only to see the value once written, not an order with the rest.
      RELEASED_NANOS.setRelease(this, nanos);
      int after = before | FINISHED | ((before & EVENT_BUSY) != 0 ? RELEASE_EVENT_PENDING : 0);
      if (STATE.compareAndSet(this, before, after)) {
        break;
      }
    }
    if ((before & WAITERS) != 0) {
      synchronized (this) {
        notifyAll();
      }
    }
    return (before & EVENT_BUSY) == 0 ? DELIVER : DELIVERED_BY_HOLDER;
  }

  boolean isFinished() {
    return (state & FINISHED) != 0;
  }

  /** Waits until the claimed release has finished; not interruptible, the interrupt is kept. */
  void awaitFinished() {
    for (;;) {
      int current = state;
      if ((current & FINISHED) != 0) {
        return;
      }
      if ((current & WAITERS) != 0 || STATE.compareAndSet(this, current, current | WAITERS)) {
        break;
      }
    }
    boolean interrupted = false;
    synchronized (this) {
      while (!isFinished()) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- listener order ----

  /**
   * Takes the event token to deliver a warning: only on a live lease no one is announcing. False
   * when claimed (no warning after a release) or busy (the creator is still in onCreated).
   */
  boolean tryBeginEvent() {
    for (;;) {
      int current = state;
      if ((current & (EVENT_BUSY | REASON_BITS)) != 0) {
        return false;
      }
      if (STATE.compareAndSet(this, current, current | EVENT_BUSY)) {
        return true;
      }
    }
  }

  /**
   * Gives the event token back.
   *
   * @return true if a release finished meanwhile and the caller must now deliver its {@code
   *     onReleased}
   */
  boolean endEvent() {
    int before = (int) STATE.getAndBitwiseAnd(this, ~(EVENT_BUSY | RELEASE_EVENT_PENDING));
    // The creator's first call, right after it published the snapshot: a release may wait for that.
    wakeSnapshotWaiterIf(before);
    return (before & RELEASE_EVENT_PENDING) != 0;
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

  // ---- point reads ----

  /**
   * The lease's point reads, opened by its first get. Called under a read pin, and the release
   * closes them only once every pin is gone and no new pin can be taken: so whatever a get
   * publishes here, the release sees and closes, and nothing is closed while a get uses it. Two
   * first gets may race: each opens, one CAS wins, and the loser closes its own, which no other
   * thread has seen.
   */
  private SnapshotReader.PointReader pointReader(SnapshotReader<Object> reader) {
    SnapshotReader.PointReader current = (SnapshotReader.PointReader) POINT_READER.getAcquire(this);
    if (current != null) {
      return current;
    }
    SnapshotReader.PointReader opened = reader.pointReader(snapshotOrNull());
    Object winner = POINT_READER.compareAndExchange(this, null, opened);
    if (winner == null) {
      return opened;
    }
    opened.close();
    return (SnapshotReader.PointReader) winner;
  }

  /**
   * After the reads have drained, before the native release: closes the point reads, if a get
   * opened them. A plain read suffices, as in {@link #closeIterators()}: they were published under
   * a pin, and every pin's release happens-before the drained state. A lease never read costs
   * this one read of a null field, and no atomic.
   */
  void closePointReader() {
    SnapshotReader.PointReader opened = pointReader;
    if (opened != null) {
      // Cleared so that the native object's Java wrapper does not outlive it by the lease's life.
      pointReader = null;
      opened.close();
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
  public String description() {
    return description;
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
    return claimed(state);
  }

  @Override
  public Optional<ReleaseReason> releaseReason() {
    return Optional.ofNullable(reasonOrNull());
  }

  ReleaseReason reasonOrNull() {
    int bits = (state & REASON_BITS) >>> REASON_SHIFT;
    return bits == 0 ? null : REASONS[bits - 1];
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
      return pointReader(reader).get(columnFamily, key);
    } finally {
      unpin();
    }
  }

  @Override
  public LeaseIterator iterator(ColumnFamilyHandle columnFamily, IteratorOptions options) {
    SnapshotReader<Object> reader = registry.reader();
    pinOrThrow();
    try {
      PinnedIterator iterator = new PinnedIterator(this, reader.iterator(snapshotOrNull(), columnFamily, options));
      addIterator(iterator);
      return iterator;
    } finally {
      unpin();
    }
  }

  @Override
  public boolean belongsTo(SnapshotRegistry registry) {
    return this.registry == registry;
  }

  @Override
  public void close() {
    registry.release(this, ReleaseReason.MANUAL);
  }

  @Override
  public String toString() {
    ReleaseReason why = reasonOrNull();
    return "SnapshotLease[id=" + id + ", owner=" + label + (why == null ? "" : ", released=" + why) + "]";
  }
}
