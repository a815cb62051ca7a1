package io.triplestore.snapshots;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads at a snapshot. The registry calls it only while the lease is pinned, so the snapshot is
 * guaranteed not to be released during the call.
 *
 * @param <S> the snapshot type
 */
public interface SnapshotReader<S> {

  /**
   * Opens point reads at {@code snapshot} for one lease, on the lease's first get (most leases are
   * never read, and pay nothing for this). The registry closes what this returns exactly once:
   * after the last get through it has returned, and before it releases the snapshot.
   */
  PointReader pointReader(S snapshot);

  /** Opens a raw iterator at the snapshot; the registry wraps, pins and closes it. */
  RawIterator iterator(S snapshot, ColumnFamilyHandle columnFamily, IteratorOptions options);

  /**
   * Point reads at one snapshot, with whatever native state they share (for RocksDB, one {@code
   * ReadOptions}).
   *
   * <p>Concurrency: {@link #get} may be called by several threads at once; the registry never
   * calls {@link #close()} while a {@code get} is running, nor {@code get} after it.
   */
  interface PointReader extends AutoCloseable {
    /** The value of {@code key} at the snapshot, or {@code null} when absent. */
    byte[] get(ColumnFamilyHandle columnFamily, byte[] key);

    @Override
    void close();
  }

  /** The native iterator under a {@link LeaseIterator}. Not thread-safe; the registry guards it. */
  interface RawIterator extends AutoCloseable {
    void seekToFirst();

    void seek(byte[] target);

    boolean isValid();

    void next();

    byte[] key();

    byte[] value();

    @Override
    void close();
  }
}
