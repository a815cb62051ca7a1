package io.triplestore.snapshots;

/**
 * An iterator that reads at a lease's snapshot. Every call pins the lease, so a release waits for
 * the call to finish and then closes the iterator; a call after that throws
 * {@link SnapshotReleasedException}. Like a RocksDB iterator, it is for one thread at a time.
 */
public interface LeaseIterator extends AutoCloseable {

  void seekToFirst();

  void seek(byte[] target);

  boolean isValid();

  /** Moves to the next entry. */
  void next();

  byte[] key();

  byte[] value();

  /** Closes the native iterator; idempotent, and done for you when the lease is released. */
  @Override
  void close();
}
