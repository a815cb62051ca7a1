package io.triplestore.agent;

import io.triplestore.snapshots.SnapshotLease;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One native snapshot the agent tracks, found by its native handle (a host may hold several Java
 * wrappers of one transaction snapshot: every {@code Transaction.getSnapshot()} makes a new one).
 * Release decisions are keyed by the wrapper, not by the handle alone: once a snapshot is freed,
 * the native allocator may hand its address to the host's next one.
 *
 * <p>Concurrency: the tracking ends exactly once, by a compare-and-set of one state word,
 * {@code LIVE -> ENDED} (the holder frees the native snapshot, or already has) or {@code LIVE ->
 * AGENT_RELEASES} (the agent frees it, {@code release=expired}). Whoever loses the race never
 * touches the native snapshot, so it is never released twice. {@code indexed} is guarded by this
 * object's lock, under which {@link SnapshotIndex} adds and removes it.
 */
final class TrackedSnapshot {

  /** Who holds the native snapshot, and so who ends it. */
  enum Holder {
    /** Taken by {@code RocksDB.getSnapshot()}; ended by {@code releaseSnapshot} or the database's close. */
    DATABASE,
    /** Set on a transaction; ended when the transaction clears or replaces it, or is closed. */
    TRANSACTION
  }

  private enum State {
    LIVE,
    /** Tracking ended; the native snapshot is its holder's to free (or already freed). */
    ENDED,
    /** The agent has claimed the native release ({@code release=expired}): the host's own release must be skipped. */
    AGENT_RELEASES
  }

  final long handle;
  final TrackedDatabase database;
  final Holder holder;
  /** The host's wrapper: what a release of this very snapshot passes, and what the agent releases with. */
  final Object wrapper;
  /** The lease {@code track} returned; set before the snapshot is indexed, so every end finds it. */
  volatile SnapshotLease lease;
  /** The agent has released the native snapshot itself ({@code release=expired}). */
  volatile boolean releasedByAgent;
  /** {@code Snapshot.close()} was already reported as a leak. */
  volatile boolean leakReported;
  /** In the tracker's index; guarded by {@code this}. */
  boolean indexed;
  private final AtomicReference<State> state = new AtomicReference<>(State.LIVE);

  TrackedSnapshot(long handle, TrackedDatabase database, Holder holder, Object wrapper) {
    this.handle = handle;
    this.database = database;
    this.holder = holder;
    this.wrapper = wrapper;
  }

  /** Claims the end of this snapshot's tracking, leaving the native snapshot to its holder; true for exactly one caller. */
  boolean claimEnd() {
    return state.compareAndSet(State.LIVE, State.ENDED);
  }

  /** Claims the native release for the agent; true for exactly one caller, and then the host's release is skipped. */
  boolean claimAgentRelease() {
    return state.compareAndSet(State.LIVE, State.AGENT_RELEASES);
  }

  boolean isLive() {
    return state.get() == State.LIVE;
  }

  /** Whether the agent has claimed this snapshot's native release (it may still be running). */
  boolean isClaimedByAgent() {
    return state.get() == State.AGENT_RELEASES;
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
