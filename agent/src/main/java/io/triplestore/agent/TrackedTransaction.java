package io.triplestore.agent;

/**
 * A host transaction and the snapshot it holds now, if any.
 *
 * <p>Concurrency: {@code current} is guarded by {@code this}.
 */
final class TrackedTransaction {

  final long handle;
  final TrackedDatabase database;
  TrackedSnapshot current;

  TrackedTransaction(long handle, TrackedDatabase database) {
    this.handle = handle;
    this.database = database;
  }
}
