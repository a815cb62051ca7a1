package io.triplestore.store;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.rocksdb.AbstractWriteBatch;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBatchWithIndex;
import org.rocksdb.WriteOptions;

/**
 * A write batch that also answers reads through what it has staged, so a term or triple staged
 * earlier in the batch is seen by the checks that follow.
 *
 * <p>Two kinds: {@link #indexed} keeps everything in a native indexed batch (no Java heap, for an
 * atomic import as large as its limit allows); {@link #overlay} keeps a plain batch plus a Java map
 * of what it staged in the column families that are read back (several times faster per write,
 * for the bounded batches of a bulk load and for single writes).
 */
abstract class StagingBatch implements AutoCloseable {

  protected final RocksDB db;

  private StagingBatch(RocksDB db) {
    this.db = db;
  }

  static StagingBatch indexed(RocksDB db) {
    return new Indexed(db);
  }

  static StagingBatch overlay(RocksDB db, Set<ColumnFamilyHandle> readBack) {
    return new Overlay(db, readBack);
  }

  /** The value of {@code key} as staged, or else as in the database; {@code null} when absent. */
  abstract byte[] get(ColumnFamilyHandle columnFamily, byte[] key);

  /** Whether {@code key} is staged as present in this batch, without looking at the database. */
  abstract boolean stagedPresent(ColumnFamilyHandle columnFamily, byte[] key);

  void put(ColumnFamilyHandle columnFamily, byte[] key, byte[] value) {
    try {
      batch().put(columnFamily, key, value);
    } catch (RocksDBException e) {
      throw new StoreException("staging a write failed: " + e.getMessage(), e);
    }
  }

  void delete(ColumnFamilyHandle columnFamily, byte[] key) {
    try {
      batch().delete(columnFamily, key);
    } catch (RocksDBException e) {
      throw new StoreException("staging a delete failed: " + e.getMessage(), e);
    }
  }

  /** Applies everything staged in one atomic write. */
  abstract void write(WriteOptions options) throws RocksDBException;

  abstract AbstractWriteBatch batch();

  @Override
  public void close() {
    batch().close();
  }

  private static final class Indexed extends StagingBatch {
    private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private final ReadOptions readOptions = new ReadOptions();
    private final DBOptions batchOnly = new DBOptions();

    Indexed(RocksDB db) {
      super(db);
    }

    @Override
    boolean stagedPresent(ColumnFamilyHandle columnFamily, byte[] key) {
      try {
        return batch.getFromBatch(columnFamily, batchOnly, key) != null;
      } catch (RocksDBException e) {
        throw new StoreException("read failed: " + e.getMessage(), e);
      }
    }

    @Override
    byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
      try {
        return batch.getFromBatchAndDB(db, columnFamily, readOptions, key);
      } catch (RocksDBException e) {
        throw new StoreException("read failed: " + e.getMessage(), e);
      }
    }

    @Override
    void write(WriteOptions options) throws RocksDBException {
      db.write(options, batch);
    }

    @Override
    AbstractWriteBatch batch() {
      return batch;
    }

    @Override
    public void close() {
      super.close();
      readOptions.close();
      batchOnly.close();
    }
  }

  private static final class Overlay extends StagingBatch {
    private static final byte[] DELETED = new byte[0];

    private final WriteBatch batch = new WriteBatch();
    private final Set<ColumnFamilyHandle> readBack;
    private final Map<ColumnFamilyHandle, Map<ByteBuffer, byte[]>> staged = new HashMap<>();

    Overlay(RocksDB db, Set<ColumnFamilyHandle> readBack) {
      super(db);
      this.readBack = readBack;
    }

    @Override
    byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
      Map<ByteBuffer, byte[]> family = staged.get(columnFamily);
      byte[] value = family == null ? null : family.get(ByteBuffer.wrap(key));
      if (value != null) {
        return value == DELETED ? null : value;
      }
      try {
        return db.get(columnFamily, key);
      } catch (RocksDBException e) {
        throw new StoreException("read failed: " + e.getMessage(), e);
      }
    }

    @Override
    boolean stagedPresent(ColumnFamilyHandle columnFamily, byte[] key) {
      Map<ByteBuffer, byte[]> family = staged.get(columnFamily);
      byte[] value = family == null ? null : family.get(ByteBuffer.wrap(key));
      return value != null && value != DELETED;
    }

    @Override
    void put(ColumnFamilyHandle columnFamily, byte[] key, byte[] value) {
      super.put(columnFamily, key, value);
      remember(columnFamily, key, value);
    }

    @Override
    void delete(ColumnFamilyHandle columnFamily, byte[] key) {
      super.delete(columnFamily, key);
      remember(columnFamily, key, DELETED);
    }

    private void remember(ColumnFamilyHandle columnFamily, byte[] key, byte[] value) {
      if (readBack.contains(columnFamily)) {
        staged.computeIfAbsent(columnFamily, family -> new HashMap<>()).put(ByteBuffer.wrap(key), value);
      }
    }

    @Override
    void write(WriteOptions options) throws RocksDBException {
      db.write(options, batch);
    }

    @Override
    AbstractWriteBatch batch() {
      return batch;
    }
  }
}
