package io.triplestore.snapshots;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads at a snapshot. The registry calls it only while the lease is pinned, so the snapshot is
 * guaranteed not to be released during the call.
 *
 * @param <S> the snapshot type
 */
public interface SnapshotReader<S> {

  byte[] get(S snapshot, ColumnFamilyHandle columnFamily, byte[] key);

  /** Opens a raw iterator at the snapshot; the registry wraps, pins and closes it. */
  RawIterator iterator(S snapshot, ColumnFamilyHandle columnFamily, IteratorOptions options);

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
