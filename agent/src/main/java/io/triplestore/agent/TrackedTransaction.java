package io.triplestore.agent;

/**
 * A host transaction and the snapshot it holds now, if any.
 *
 * <p>Concurrency: {@code current} and changes of {@code snapshotPending} are guarded by
 * {@code this}; {@code snapshotPending} is volatile so that operations can check it without the lock.
 */
final class TrackedTransaction {

  final long handle;
  final TrackedDatabase database;
  TrackedSnapshot current;
  /** {@code setSnapshotOnNextOperation} was called and no snapshot has been seen since. */
  volatile boolean snapshotPending;

  TrackedTransaction(long handle, TrackedDatabase database) {
    this.handle = handle;
    this.database = database;
  }
}
