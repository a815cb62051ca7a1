package io.triplestore.store;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads keys either at the latest state or at a lease; every read of a match goes through one, so
 * the whole match (index scan and dictionary lookups) sees one consistent state.
 */
interface KeyReader {

  /**
   * Whether this reader sees the latest committed data, so that what it reads of the dictionary
   * may be served from (and kept in) the store's term caches. Reads at a lease always go through
   * the lease.
   */
  default boolean readsLatest() {
    return false;
  }

  /** The value of {@code key}, or {@code null} when absent. */
  byte[] get(ColumnFamilyHandle columnFamily, byte[] key);

  /**
   * A cursor over keys from {@code lower} (inclusive) to {@code upper} (exclusive), positioned at
   * the first; either bound may be {@code null}.
   */
  KeyCursor scan(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper);

  /** A forward cursor over keys; the caller closes it. */
  interface KeyCursor extends AutoCloseable {
    boolean isValid();

    byte[] key();

    byte[] value();

    void next();

    @Override
    void close();
  }
}
