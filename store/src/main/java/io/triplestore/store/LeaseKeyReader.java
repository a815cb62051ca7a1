package io.triplestore.store;

import io.triplestore.snapshots.IteratorOptions;
import io.triplestore.snapshots.LeaseIterator;
import io.triplestore.snapshots.SnapshotLease;
import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads at a lease, only through the lease's own {@code get} and {@code iterator}: they pin the
 * lease while they run, which is what makes a read after release impossible.
 */
final class LeaseKeyReader implements KeyReader {

  private final SnapshotLease lease;

  LeaseKeyReader(SnapshotLease lease) {
    this.lease = lease;
  }

  @Override
  public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
    return lease.get(columnFamily, key);
  }

  @Override
  public KeyCursor scan(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper) {
    boolean prefixScan = lower != null && lower.length >= StoreDatabase.INDEX_PREFIX_LENGTH;
    LeaseIterator iterator = lease.iterator(columnFamily, new IteratorOptions(lower, upper, prefixScan));
    try {
      if (lower == null) {
        iterator.seekToFirst();
      } else {
        iterator.seek(lower);
      }
    } catch (RuntimeException e) {
      iterator.close();
      throw e;
    }
    return new KeyCursor() {
      @Override
      public boolean isValid() {
        return iterator.isValid();
      }

      @Override
      public byte[] key() {
        return iterator.key();
      }

      @Override
      public byte[] value() {
        return iterator.value();
      }

      @Override
      public void next() {
        iterator.next();
      }

      @Override
      public void close() {
        iterator.close();
      }
    };
  }
}
