package io.triplestore.agent;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.spi.TrackingRegistry.Origin;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One native snapshot the agent tracks, found by its native handle (a host may hold several Java
 * wrappers of one transaction snapshot: every {@code Transaction.getSnapshot()} makes a new one).
 * Release decisions are keyed by the wrapper, not by the handle alone: once a snapshot is freed,
 * the native allocator may hand its address to the host's next one.
 *
 * <p>Concurrency: one state word, changed by compare-and-set only. A snapshot starts {@code
 * PENDING}: taken, not yet in the registry. Whoever hands it to the registry claims it first
 * ({@code PENDING -> HANDING}), registers it, sets {@link #lease}, and then finishes ({@code
 * HANDING -> LIVE}). Its tracking ends exactly once, {@code -> ENDED} (the holder frees the native
 * snapshot, or already has) or {@code HANDING/LIVE -> AGENT_RELEASES} (the agent frees it, {@code
 * release=expired}; only the registry asks for that, so only once a lease exists). Whoever ends it
 * learns the state it ended from, and releases the lease only if that was {@code LIVE}; an end
 * that wins over {@code HANDING} makes the hand-off fail its finishing step, and the hand-off then
 * releases the lease it made itself: the lease is released exactly once, by one of the two.
 * Whoever loses a race never touches the native snapshot, so it is never released twice. {@code
 * indexed} is guarded by this object's lock, under which {@link SnapshotIndex} adds and removes it.
 */
final class TrackedSnapshot {

  /** Who holds the native snapshot, and so who ends it. */
  enum Holder {
    /** Taken by {@code RocksDB.getSnapshot()}; ended by {@code releaseSnapshot} or the database's close. */
    DATABASE,
    /** Set on a transaction; ended when the transaction clears or replaces it, or is closed. */
    TRANSACTION
  }

  /** Taken, not in the registry yet. */
  static final int PENDING = 0;
  /** Being handed to the registry; {@link #lease} may be set. */
  static final int HANDING = 1;
  /** In the registry: {@link #lease} is set. */
  static final int LIVE = 2;
  /** Tracking ended; the native snapshot is its holder's to free (or already freed). */
  static final int ENDED = 3;
  /** The agent has claimed the native release ({@code release=expired}): the host's own release must be skipped. */
  static final int AGENT_RELEASES = 4;

  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(TrackedSnapshot.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final long handle;
  final TrackedDatabase database;
  final Holder holder;
  /** The host's wrapper: what a release of this very snapshot passes, and what the agent releases with. */
  final Object wrapper;
  /** Who took it and when, for a hand-off after the grace period; null when it is registered at once. */
  final Origin origin;
  /** The lease the registry gave; set before the state becomes {@code LIVE}. */
  volatile SnapshotLease lease;
  /** The agent has released the native snapshot itself ({@code release=expired}). */
  volatile boolean releasedByAgent;
  /** {@code Snapshot.close()} was already reported as a leak. */
  volatile boolean leakReported;
  /** In the tracker's index; guarded by {@code this}. */
  boolean indexed;
  /** {@code PENDING} (0) from construction: no initializer, which would cost a volatile store per snapshot. */
  @SuppressWarnings("unused") // through STATE
  private volatile int state;

  TrackedSnapshot(long handle, TrackedDatabase database, Holder holder, Object wrapper, Origin origin) {
    this.handle = handle;
    this.database = database;
    this.holder = holder;
    this.wrapper = wrapper;
    this.origin = origin;
  }

  /** Claims the hand-off to the registry; true for exactly one caller, and only while nothing ended it. */
  boolean claimHandOff() {
    return STATE.compareAndSet(this, PENDING, HANDING);
  }

  /** Finishes a claimed hand-off, {@link #lease} set; false if the tracking ended meanwhile. */
  boolean finishHandOff() {
    return STATE.compareAndSet(this, HANDING, LIVE);
  }

  /**
   * Claims the end of this snapshot's tracking, leaving the native snapshot to its holder.
   *
   * @return the state it ended from ({@code PENDING}, {@code HANDING} or {@code LIVE}) for exactly
   *     one caller, -1 for every other
   */
  int claimEnd() {
    for (;;) {
      int now = (int) STATE.getVolatile(this);
      if (now >= ENDED) {
        return -1;
      }
      if (STATE.compareAndSet(this, now, ENDED)) {
        return now;
      }
    }
  }

  /** Claims the native release for the agent; true for exactly one caller, and then the host's release is skipped. */
  boolean claimAgentRelease() {
    for (;;) {
      int now = (int) STATE.getVolatile(this);
      if (now != HANDING && now != LIVE) {
        return false;
      }
      if (STATE.compareAndSet(this, now, AGENT_RELEASES)) {
        return true;
      }
    }
  }

  boolean isLive() {
    return (int) STATE.getVolatile(this) < ENDED;
  }

  boolean isPending() {
    return (int) STATE.getVolatile(this) == PENDING;
  }

  /** Whether the agent has claimed this snapshot's native release (it may still be running). */
  boolean isClaimedByAgent() {
    return (int) STATE.getVolatile(this) == AGENT_RELEASES;
  }

  /**
   * Whether a release or close of {@code hostWrapper} is one of this snapshot: the very wrapper for
   * a database snapshot (a freed address comes back with the next one), any wrapper of the
   * transaction's snapshot.
   */
  boolean isHeldThrough(Object hostWrapper) {
    return holder == Holder.TRANSACTION || wrapper == hostWrapper;
  }

  /** The database's name, or a placeholder for a transaction whose database the agent never saw. */
  String databaseName() {
    return database == null ? "(database not seen by the agent)" : database.name();
  }

  @Override
  public String toString() {
    return "snapshot 0x" + Long.toHexString(handle) + " of " + databaseName();
  }
}
