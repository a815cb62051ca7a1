package io.triplestore.store;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads keys either at the latest state or at a lease; every read of a match that reaches the
 * database goes through one, so the whole match (index scan and dictionary lookups) sees one
 * consistent state. The term caches may answer a dictionary lookup instead: their mappings are the
 * same at every state that has them (see {@link Dictionary}).
 */
interface KeyReader {

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
