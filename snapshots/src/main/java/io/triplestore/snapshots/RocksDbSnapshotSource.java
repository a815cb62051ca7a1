package io.triplestore.snapshots;

import java.util.OptionalLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Snapshot;

/**
 * Snapshots of one {@link RocksDB}, readable through their leases.
 *
 * <p>Concurrency: stateless apart from the database handle, whose calls RocksDB makes
 * thread-safe; each {@link SnapshotPointReader} and {@link RocksRawIterator} holds its own native
 * objects, whose lifetime the registry guards (see {@link SnapshotReader}).
 */
final class RocksDbSnapshotSource implements SnapshotSource<Snapshot>, SnapshotReader<Snapshot> {

  private final RocksDB db;

  RocksDbSnapshotSource(RocksDB db) {
    this.db = db;
  }

  @Override
  public Snapshot take() {
    return db.getSnapshot();
  }

  @Override
  public void release(Snapshot snapshot) {
    db.releaseSnapshot(snapshot);
  }

  @Override
  public OptionalLong nativeSnapshotCount() {
    return longProperty("rocksdb.num-snapshots");
  }

  @Override
  public OptionalLong oldestNativeSnapshotTime() {
    return longProperty("rocksdb.oldest-snapshot-time");
  }

  private OptionalLong longProperty(String property) {
    try {
      return OptionalLong.of(db.getLongProperty(property));
    } catch (RocksDBException | RuntimeException e) {
      // A closed or failing database has no count to offer; the caller shows "unknown".
      return OptionalLong.empty();
    }
  }

  @Override
  public SnapshotReader<Snapshot> reader() {
    return this;
  }

  @Override
  public PointReader pointReader(Snapshot snapshot) {
    return new SnapshotPointReader(new ReadOptions().setSnapshot(snapshot));
  }

  @Override
  public RawIterator iterator(Snapshot snapshot, ColumnFamilyHandle columnFamily, IteratorOptions bounds) {
    ReadOptions options = new ReadOptions().setSnapshot(snapshot);
    Slice lower = null;
    Slice upper = null;
    if (bounds.lowerBound() != null) {
      lower = new Slice(bounds.lowerBound());
      options.setIterateLowerBound(lower);
    }
    if (bounds.upperBound() != null) {
      upper = new Slice(bounds.upperBound());
      options.setIterateUpperBound(upper);
    }
    options.setPrefixSameAsStart(bounds.prefixSameAsStart());
    RocksIterator iterator = columnFamily == null ? db.newIterator(options) : db.newIterator(columnFamily, options);
    return new RocksRawIterator(iterator, options, lower, upper);
  }

  /**
   * Owns one native {@code ReadOptions} at the snapshot, shared by every get of the lease.
   * RocksDB takes read options as a constant, so concurrent gets may share them.
   */
  private final class SnapshotPointReader implements PointReader {
    private final ReadOptions options;

    SnapshotPointReader(ReadOptions options) {
      this.options = options;
    }

    @Override
    public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
      try {
        return columnFamily == null ? db.get(options, key) : db.get(columnFamily, options, key);
      } catch (RocksDBException e) {
        throw new SnapshotReadException("read at snapshot failed: " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      options.close();
    }
  }

  /** Owns the iterator and the native objects its read options point to. */
  private static final class RocksRawIterator implements RawIterator {
    private final RocksIterator iterator;
    private final ReadOptions options;
    private final Slice lower;
    private final Slice upper;

    RocksRawIterator(RocksIterator iterator, ReadOptions options, Slice lower, Slice upper) {
      this.iterator = iterator;
      this.options = options;
      this.lower = lower;
      this.upper = upper;
    }

    @Override
    public void seekToFirst() {
      iterator.seekToFirst();
    }

    @Override
    public void seek(byte[] target) {
      iterator.seek(target);
    }

    /** Invalid with a bad status (an I/O or checksum error) is a failure, not the end. */
    @Override
    public boolean isValid() {
      if (iterator.isValid()) {
        return true;
      }
      try {
        iterator.status();
      } catch (RocksDBException e) {
        throw new SnapshotReadException("read at snapshot failed: " + e.getMessage(), e);
      }
      return false;
    }

    @Override
    public void next() {
      iterator.next();
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
    public void close() {
      // The iterator first: it refers to the read options and their bound slices.
      iterator.close();
      options.close();
      if (lower != null) {
        lower.close();
      }
      if (upper != null) {
        upper.close();
      }
    }
  }
}
