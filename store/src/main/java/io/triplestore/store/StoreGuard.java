package io.triplestore.store;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps the database open while anything uses it. Every operation runs under the read lock;
 * {@link #close} takes the write lock, so it waits for running operations, then closes the
 * cursors callers left open, because RocksDB must not be closed under a live iterator.
 *
 * <p>Concurrency: operations share the read lock; close is exclusive and happens once.
 */
final class StoreGuard {

  private final String path;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Set<AutoCloseable> openCursors = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  StoreGuard(String path) {
    this.path = path;
  }

  <T> T call(Supplier<T> operation) {
    lock.readLock().lock();
    try {
      requireOpen();
      return operation.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  void run(Runnable operation) {
    call(() -> {
      operation.run();
      return null;
    });
  }

  void requireOpen() {
    if (closed) {
      throw new StoreClosedException(path);
    }
  }

  boolean isClosed() {
    return closed;
  }

  void opened(AutoCloseable cursor) {
    openCursors.add(cursor);
  }

  void closed(AutoCloseable cursor) {
    openCursors.remove(cursor);
  }

  /** Closes once: waits for running operations, closes cursors left open, then runs {@code closer}. */
  boolean close(Runnable closer) {
    lock.writeLock().lock();
    try {
      if (closed) {
        return false;
      }
      closed = true;
      for (AutoCloseable cursor : openCursors) {
        try {
          cursor.close();
        } catch (Exception e) {
          // Closing a native iterator does not fail in practice; never let one stop the close.
        }
      }
      openCursors.clear();
      closer.run();
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }
}
