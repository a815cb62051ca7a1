package io.triplestore.store;

import io.triplestore.snapshots.SnapshotRegistryBuilder;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;

/**
 * How a {@link TripleStore} is opened. The defaults suit the store; every RocksDB option can still
 * be overridden: the customizers run after the store has applied its own tuning, so whatever they
 * set wins.
 *
 * <pre>{@code
 * StoreOptions options = StoreOptions.builder()
 *     .dbOptions(db -> db.setMaxBackgroundJobs(4))
 *     .columnFamilyOptions((name, cf) -> cf.setWriteBufferSize(128L << 20))
 *     .registry(registry -> registry.defaultTtl(Duration.ofMinutes(1)).name("main"))
 *     .build();
 * }</pre>
 */
public final class StoreOptions {

  /** The default most triples one atomic import may stage; about 1M fits the default heap easily. */
  public static final int DEFAULT_MAX_ATOMIC_IMPORT_TRIPLES = 1_000_000;
  /** The default number of triples per committed batch of a bulk load. */
  public static final int DEFAULT_BULK_BATCH_TRIPLES = 100_000;
  /** The default number of entries of each term cache (writer and readers). */
  public static final int DEFAULT_TERM_CACHE_SIZE = 200_000;
  /** The default size of the block cache shared by every column family. */
  public static final long DEFAULT_BLOCK_CACHE_BYTES = 64L << 20;

  private final boolean syncWrites;
  private final int maxAtomicImportTriples;
  private final int bulkBatchTriples;
  private final boolean sstBulkLoad;
  private final int termCacheSize;
  private final long blockCacheBytes;
  private final Consumer<DBOptions> dbOptions;
  private final BiConsumer<String, ColumnFamilyOptions> columnFamilyOptions;
  private final Consumer<SnapshotRegistryBuilder> registry;

  private StoreOptions(Builder builder) {
    this.syncWrites = builder.syncWrites;
    this.maxAtomicImportTriples = builder.maxAtomicImportTriples;
    this.bulkBatchTriples = builder.bulkBatchTriples;
    this.sstBulkLoad = builder.sstBulkLoad;
    this.termCacheSize = builder.termCacheSize;
    this.blockCacheBytes = builder.blockCacheBytes;
    this.dbOptions = builder.dbOptions;
    this.columnFamilyOptions = builder.columnFamilyOptions;
    this.registry = builder.registry;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every default. */
  public static StoreOptions defaults() {
    return builder().build();
  }

  /** Whether add, remove and import are synced to disk before they return. Default true. */
  public boolean syncWrites() {
    return syncWrites;
  }

  public int maxAtomicImportTriples() {
    return maxAtomicImportTriples;
  }

  public int bulkBatchTriples() {
    return bulkBatchTriples;
  }

  /** Whether bulk loads of N-Triples and N-Quads write SST files and commit once. Default true. */
  public boolean sstBulkLoad() {
    return sstBulkLoad;
  }

  public int termCacheSize() {
    return termCacheSize;
  }

  public long blockCacheBytes() {
    return blockCacheBytes;
  }

  Consumer<DBOptions> dbOptionsCustomizer() {
    return dbOptions;
  }

  BiConsumer<String, ColumnFamilyOptions> columnFamilyOptionsCustomizer() {
    return columnFamilyOptions;
  }

  Consumer<SnapshotRegistryBuilder> registryCustomizer() {
    return registry;
  }

  /** Builds {@link StoreOptions}; invalid values fail fast naming the value. */
  public static final class Builder {
    private boolean syncWrites = true;
    private int maxAtomicImportTriples = DEFAULT_MAX_ATOMIC_IMPORT_TRIPLES;
    private int bulkBatchTriples = DEFAULT_BULK_BATCH_TRIPLES;
    private boolean sstBulkLoad = true;
    private int termCacheSize = DEFAULT_TERM_CACHE_SIZE;
    private long blockCacheBytes = DEFAULT_BLOCK_CACHE_BYTES;
    private Consumer<DBOptions> dbOptions = options -> { };
    private BiConsumer<String, ColumnFamilyOptions> columnFamilyOptions = (name, options) -> { };
    private Consumer<SnapshotRegistryBuilder> registry = builder -> { };

    private Builder() {}

    /**
     * Whether every add, remove and import is synced (fsync of the write-ahead log) before it
     * returns. Default true: a write that has returned survives a crash of the process or the
     * machine. False trades that for throughput; a process crash still loses nothing, a machine
     * crash may lose the last writes.
     */
    public Builder syncWrites(boolean sync) {
      this.syncWrites = sync;
      return this;
    }

    /** The most triples an atomic import may hold before it commits; beyond, use bulk mode. */
    public Builder maxAtomicImportTriples(int max) {
      this.maxAtomicImportTriples = requirePositive("max atomic import triples", max);
      return this;
    }

    /** Triples per committed batch of a bulk load. */
    public Builder bulkBatchTriples(int triples) {
      this.bulkBatchTriples = requirePositive("bulk batch triples", triples);
      return this;
    }

    /**
     * Whether a bulk load of N-Triples or N-Quads (failing on bad lines) writes sorted SST files
     * and commits them once, all or nothing (true, the default), or commits batches of {@link
     * #bulkBatchTriples} as it goes (false; also what other formats and skipped bad lines get).
     */
    public Builder sstBulkLoad(boolean sst) {
      this.sstBulkLoad = sst;
      return this;
    }

    /**
     * How many terms and ids the writer and the latest-state readers each keep in memory to skip
     * dictionary reads. 0 turns the caches off.
     */
    public Builder termCacheSize(int entries) {
      if (entries < 0) {
        throw new IllegalArgumentException("term cache size must be 0 or more: " + entries);
      }
      this.termCacheSize = entries;
      return this;
    }

    /** The block cache shared by every column family. */
    public Builder blockCacheBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("block cache size must be positive: " + bytes);
      }
      this.blockCacheBytes = bytes;
      return this;
    }

    /** Adjusts the database options after the store's own tuning. */
    public Builder dbOptions(Consumer<DBOptions> customizer) {
      this.dbOptions = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Adjusts each column family's options after the store's own tuning; called with the column
     * family name ({@code str2id}, {@code id2str}, {@code spo}, {@code pos}, {@code osp},
     * {@code meta}).
     */
    public Builder columnFamilyOptions(BiConsumer<String, ColumnFamilyOptions> customizer) {
      this.columnFamilyOptions = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * Adjusts the snapshot registry the store owns: TTLs, warning fraction, tick, lease limit,
     * stack capture, listeners, name, ticker and scheduler. The store has already set the
     * database and the name {@code store}.
     */
    public Builder registry(Consumer<SnapshotRegistryBuilder> customizer) {
      this.registry = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    public StoreOptions build() {
      return new StoreOptions(this);
    }

    private static int requirePositive(String what, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(what + " must be 1 or more: " + value);
      }
      return value;
    }
  }
}
