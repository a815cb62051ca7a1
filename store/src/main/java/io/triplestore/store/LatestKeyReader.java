package io.triplestore.store;

import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Reads the latest committed data. A cursor is a RocksDB iterator, which sees one implicit
 * point-in-time view for its whole life; each step runs under the {@link StoreGuard}, so a close
 * of the store never frees the iterator under a running call.
 */
final class LatestKeyReader implements KeyReader {

  private final RocksDB db;
  private final StoreGuard guard;

  LatestKeyReader(RocksDB db, StoreGuard guard) {
    this.db = db;
    this.guard = guard;
  }

  @Override
  public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
    return guard.call(() -> {
      try {
        return db.get(columnFamily, key);
      } catch (RocksDBException e) {
        throw new StoreException("read failed: " + e.getMessage(), e);
      }
    });
  }

  @Override
  public KeyCursor scan(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper) {
    return guard.call(() -> new LatestCursor(columnFamily, lower, upper));
  }

  /** Owns the iterator and the native read options and slices it points to. */
  private final class LatestCursor implements KeyCursor {
    private final ReadOptions options = new ReadOptions();
    private final Slice lowerSlice;
    private final Slice upperSlice;
    private final RocksIterator iterator;
    private boolean closed;

    LatestCursor(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper) {
      lowerSlice = lower == null ? null : new Slice(lower);
      upperSlice = upper == null ? null : new Slice(upper);
      if (lowerSlice != null) {
        options.setIterateLowerBound(lowerSlice);
        options.setPrefixSameAsStart(lower.length >= StoreDatabase.INDEX_PREFIX_LENGTH);
      }
      if (upperSlice != null) {
        options.setIterateUpperBound(upperSlice);
      }
      iterator = db.newIterator(columnFamily, options);
      guard.opened(this);
      if (lower == null) {
        iterator.seekToFirst();
      } else {
        iterator.seek(lower);
      }
    }

    /**
     * Whether the cursor is on a key. Not being on one means the end only when the iterator's
     * status is OK: an I/O or checksum error also leaves it invalid, and must not read as the end.
     */
    @Override
    public boolean isValid() {
      return guard.call(() -> {
        if (closed) {
          return false;
        }
        if (iterator.isValid()) {
          return true;
        }
        try {
          iterator.status();
        } catch (RocksDBException e) {
          throw new StoreException("read failed: " + e.getMessage(), e);
        }
        return false;
      });
    }

    @Override
    public byte[] key() {
      return guard.call(() -> {
        requireNotClosed();
        return iterator.key();
      });
    }

    @Override
    public byte[] value() {
      return guard.call(() -> {
        requireNotClosed();
        return iterator.value();
      });
    }

    @Override
    public void next() {
      guard.run(() -> {
        requireNotClosed();
        iterator.next();
      });
    }

    private void requireNotClosed() {
      if (closed) {
        throw new IllegalStateException("the match iterator has been closed");
      }
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      guard.closed(this);
      iterator.close();
      options.close();
      if (lowerSlice != null) {
        lowerSlice.close();
      }
      if (upperSlice != null) {
        upperSlice.close();
      }
    }
  }
}
