package io.triplestore.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksObject;

/**
 * The open RocksDB instance, its column families, and every native options object they need,
 * closed together in reverse order of creation.
 *
 * <p>Column families: the dictionary ({@code str2id}, {@code id2str}), the nine quad indexes
 * ({@link IndexOrder}), {@code meta} (counters and the format version) and {@code graphs} (quads
 * per named graph). Opening a directory of format 1 creates the column families it lacks (empty);
 * {@link StoreFormat} then upgrades it.
 *
 * <p>Tuning: bloom filters (10 bits per key) everywhere; the indexes also have an 8-byte
 * prefix extractor (one term id), so a prefix scan consults the prefix bloom and the memtable's
 * own prefix bloom; no compression in L0 (written once, compacted soon), LZ4 below.
 *
 * <p>Crash safety: flushes are atomic across every column family ({@code atomic_flush}), so the
 * SST files on disk always hold the same prefix of writes for the dictionary, the indexes and the
 * counters, even for writes made with the write-ahead log off. A directory is created only when
 * it is new or empty ({@link DataDirectory}): RocksDB's {@code create_if_missing} on a directory
 * that lost its {@code CURRENT} file would start an empty database and delete the data files.
 *
 * <p>Concurrency: immutable after construction; RocksDB and its handles are thread-safe.
 * {@link #close()} must not race with any use (the store's guard sees to that).
 */
final class StoreDatabase implements AutoCloseable {

  static final String STR2ID = "str2id";
  static final String ID2STR = "id2str";
  static final String META = "meta";
  static final String GRAPHS = "graphs";
  static final int INDEX_PREFIX_LENGTH = 8;
  private static final int BLOOM_BITS_PER_KEY = 10;

  static {
    RocksDB.loadLibrary();
  }

  final RocksDB db;
  final ColumnFamilyHandle str2id;
  final ColumnFamilyHandle id2str;
  final ColumnFamilyHandle meta;
  /** Named graph id to the number of quads in it; a graph without quads has no entry. */
  final ColumnFamilyHandle graphs;
  /** Whether this open created the database (the directory was new or empty). */
  final boolean created;
  private final Map<IndexOrder, ColumnFamilyHandle> indexes = new EnumMap<>(IndexOrder.class);
  /** Every column family by name, in creation order. */
  final Map<String, ColumnFamilyHandle> columnFamilies = new LinkedHashMap<>();
  private final Deque<AutoCloseable> natives = new ArrayDeque<>();

  private StoreDatabase(Path directory, StoreOptions options) throws RocksDBException {
    LRUCache blockCache = own(new LRUCache(options.blockCacheBytes()));
    created = DataDirectory.requireNewOrExisting(directory) == DataDirectory.State.NEW;
    DBOptions dbOptions = own(new DBOptions()
        .setCreateIfMissing(created)
        .setCreateMissingColumnFamilies(true)
        .setAtomicFlush(true)
        .setMaxBackgroundJobs(Math.max(2, Runtime.getRuntime().availableProcessors())));
    options.dbOptionsCustomizer().accept(dbOptions);

    List<String> names = new ArrayList<>(List.of("default", STR2ID, ID2STR));
    for (IndexOrder index : IndexOrder.values()) {
      names.add(index.columnFamily());
    }
    names.add(META);
    names.add(GRAPHS);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      ColumnFamilyOptions cfOptions = own(columnFamilyOptions(name, blockCache));
      options.columnFamilyOptionsCustomizer().accept(name, cfOptions);
      descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try {
      db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException | RuntimeException e) {
      closeNatives();
      throw e;
    }
    for (int i = 0; i < names.size(); i++) {
      columnFamilies.put(names.get(i), handles.get(i));
    }
    str2id = columnFamilies.get(STR2ID);
    id2str = columnFamilies.get(ID2STR);
    meta = columnFamilies.get(META);
    graphs = columnFamilies.get(GRAPHS);
    for (IndexOrder index : IndexOrder.values()) {
      indexes.put(index, columnFamilies.get(index.columnFamily()));
    }
  }

  static StoreDatabase open(Path directory, StoreOptions options) {
    try {
      Files.createDirectories(directory);
      return new StoreDatabase(directory, options);
    } catch (RocksDBException e) {
      throw new StoreException("cannot open the triple store at " + directory + ": " + e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create the store directory " + directory + ": " + e, e);
    }
  }

  ColumnFamilyHandle index(IndexOrder order) {
    return indexes.get(order);
  }

  /**
   * Flushes every column family's memtable in one atomic flush and waits for it: afterwards every
   * write made so far, with the write-ahead log or without, is in SST files.
   */
  void flushAll() {
    try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
      db.flush(options, new ArrayList<>(columnFamilies.values()));
    } catch (RocksDBException e) {
      throw new StoreException("flush failed: " + e.getMessage(), e);
    }
  }

  private ColumnFamilyOptions columnFamilyOptions(String name, LRUCache blockCache) {
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(blockCache)
        .setFilterPolicy(own(new BloomFilter(BLOOM_BITS_PER_KEY, false)))
        .setWholeKeyFiltering(true)
        // Index and filter blocks stay in table-reader memory instead of competing in the block
        // cache: with them in the cache, a point lookup measured 20x slower (280 us vs 11 us).
        .setCacheIndexAndFilterBlocks(false);
    ColumnFamilyOptions cf = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setLevelCompactionDynamicLevelBytes(true)
        .setCompressionPerLevel(compressionPerLevel(7))
        .setNumLevels(7);
    if (IndexOrder.ofColumnFamily(name) != null) {
      cf.useFixedLengthPrefixExtractor(INDEX_PREFIX_LENGTH);
      cf.setMemtablePrefixBloomSizeRatio(0.1);
    }
    return cf;
  }

  private static List<CompressionType> compressionPerLevel(int levels) {
    List<CompressionType> perLevel = new ArrayList<>();
    perLevel.add(CompressionType.NO_COMPRESSION);
    for (int level = 1; level < levels; level++) {
      perLevel.add(CompressionType.LZ4_COMPRESSION);
    }
    return perLevel;
  }

  private <T extends RocksObject> T own(T nativeObject) {
    natives.push(nativeObject);
    return nativeObject;
  }

  /** Closes the column families, then the database, then the options they were opened with. */
  @Override
  public void close() {
    for (ColumnFamilyHandle handle : columnFamilies.values()) {
      handle.close();
    }
    db.close();
    closeNatives();
  }

  private void closeNatives() {
    while (!natives.isEmpty()) {
      try {
        natives.pop().close();
      } catch (Exception e) {
        // Freeing an options object does not fail; keep freeing the rest regardless.
      }
    }
  }
}
