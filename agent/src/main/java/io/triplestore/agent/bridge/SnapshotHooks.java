package io.triplestore.agent.bridge;

/**
 * What the agent does when instrumented rocksdb code runs. Every argument is the host's own object
 * (a {@code RocksDB}, a {@code Snapshot}, a {@code Transaction}), typed {@code Object} because the
 * agent never compiles against rocksdbjni (it reaches the host's classes by name, whatever their
 * package and version).
 *
 * <p>Implementations must be fast, thread-safe and must not throw (the bridge catches anyway).
 */
public interface SnapshotHooks {

  /** {@code db.getSnapshot()} returned {@code snapshot} (never null). */
  void snapshotTaken(Object db, Object snapshot);

  /**
   * {@code db.releaseSnapshot(snapshot)} is about to release {@code snapshot} (never null).
   *
   * @return true to skip the native release, because the agent has released that snapshot already
   *     ({@code release=expired}) and a second release would free it twice
   */
  boolean snapshotReleasing(Object db, Object snapshot);

  /** {@code db.close()} or {@code db.closeE()} is about to close {@code db}. */
  void databaseClosing(Object db);

  /**
   * {@code close()} was called on a rocksdb native reference: a {@code Snapshot} (whose close
   * releases nothing), a {@code Transaction} (whose close ends its snapshot), or anything else.
   */
  void nativeReferenceClosing(Object reference);

  /** A transaction began on {@code db}; it may already hold a snapshot. */
  void transactionBegun(Object db, Object transaction);

  /** A method that may set or clear {@code transaction}'s snapshot has returned. */
  void transactionSnapshotChanged(Object transaction);

  /** {@code transaction.setSnapshotOnNextOperation(...)} returned: a snapshot comes with its next operation. */
  void transactionSnapshotOnNextOperation(Object transaction);

  /**
   * A read or write of {@code transaction} returned: the one that materializes a snapshot asked
   * for with {@code setSnapshotOnNextOperation}.
   */
  void transactionOperated(Object transaction);

  /** {@code transaction.getSnapshot()} returned {@code snapshot} (null when it has none). */
  void transactionSnapshotSeen(Object transaction, Object snapshot);
}
