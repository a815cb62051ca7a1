package io.triplestore.agent;

import java.util.OptionalLong;

/**
 * A host database the agent has seen. Its lock orders the agent's own native calls (property
 * reads, releases in {@code release=expired} mode) against the host closing the database: once
 * {@link #markClosed()} has returned, the agent never touches the native database again.
 *
 * <p>Concurrency: {@code closed} is guarded by {@code this}; native calls are made holding it.
 */
final class TrackedDatabase {

  private final Object db;
  private final long handle;
  private final String name;
  private boolean closed;
  /** Snapshots of this database the agent tracks now. */
  final java.util.concurrent.atomic.AtomicInteger tracked = new java.util.concurrent.atomic.AtomicInteger();
  /** Whether the snapshots it held before the agent saw it have been counted and reported. */
  final java.util.concurrent.atomic.AtomicBoolean untrackedChecked = new java.util.concurrent.atomic.AtomicBoolean();

  TrackedDatabase(Object db, long handle, String name) {
    this.db = db;
    this.handle = handle;
    this.name = name;
  }

  Object db() {
    return db;
  }

  long handle() {
    return handle;
  }

  /** The database's path as the host opened it. */
  String name() {
    return name;
  }

  /** Marks the database closed; false when it already was. Waits for an agent call in flight. */
  synchronized boolean markClosed() {
    if (closed) {
      return false;
    }
    closed = true;
    return true;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** {@code rocksdb.num-snapshots}, empty once closed or when it cannot be read. */
  synchronized OptionalLong nativeSnapshotCount(RocksAccess access) {
    return longProperty(access, "rocksdb.num-snapshots");
  }

  /** {@code rocksdb.oldest-snapshot-time} in Unix seconds (0 when none), empty once closed. */
  synchronized OptionalLong oldestSnapshotTime(RocksAccess access) {
    return longProperty(access, "rocksdb.oldest-snapshot-time");
  }

  private OptionalLong longProperty(RocksAccess access, String property) {
    if (closed) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(access.longProperty(db, property));
    } catch (Throwable t) {
      return OptionalLong.empty();
    }
  }

  /** Releases {@code snapshot} natively unless the database has closed; whether it did. */
  synchronized boolean releaseIfOpen(RocksAccess access, Object snapshot) {
    if (closed) {
      return false;
    }
    access.releaseSnapshot(db, snapshot);
    return true;
  }

  @Override
  public String toString() {
    return name;
  }
}
