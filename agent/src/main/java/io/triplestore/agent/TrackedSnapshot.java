package io.triplestore.agent;

/**
 * One native snapshot the agent tracks, keyed by its native handle (a host may hold several Java
 * wrappers of one snapshot: every {@code Transaction.getSnapshot()} makes a new one).
 *
 * <p>Concurrency: the flags are volatile; each is set once. Exactly one party ends a snapshot
 * ({@link #claimEnd()}): if the host's {@code releaseSnapshot} and the agent's own release race,
 * the loser does not touch the native snapshot, so it is never released twice.
 */
final class TrackedSnapshot {

  /** Who holds the native snapshot, and so who ends it. */
  enum Holder {
    /** Taken by {@code RocksDB.getSnapshot()}; ended by {@code releaseSnapshot} or the database's close. */
    DATABASE,
    /** Set on a transaction; ended when the transaction clears or replaces it, or is closed. */
    TRANSACTION
  }

  final long handle;
  final TrackedDatabase database;
  final Holder holder;
  /** The host's wrapper, kept to release it in {@code release=expired} mode. */
  final Object wrapper;
  volatile long leaseId;
  /** The agent released the native snapshot itself ({@code release=expired}). */
  volatile boolean releasedByAgent;
  /** {@code Snapshot.close()} was already reported as a leak. */
  volatile boolean leakReported;
  /** Set by whoever ends the snapshot first: the host, or the agent in {@code release=expired} mode. */
  private final java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();

  TrackedSnapshot(long handle, TrackedDatabase database, Holder holder, Object wrapper) {
    this.handle = handle;
    this.database = database;
    this.holder = holder;
    this.wrapper = wrapper;
  }

  /** Claims the end of this snapshot; true for exactly one caller. */
  boolean claimEnd() {
    return ended.compareAndSet(false, true);
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
