package io.triplestore.store;

import io.triplestore.snapshots.RegistryStatistics;
import io.triplestore.snapshots.SnapshotRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.RocksDBException;

/** Figures about the database, and the compactions that give space back. */
final class StoreMaintenance {

  private final StoreDatabase database;
  private final SnapshotRegistry registry;
  private final Dictionary dictionary;
  private final KeyReader latest;

  StoreMaintenance(StoreDatabase database, SnapshotRegistry registry, Dictionary dictionary, KeyReader latest) {
    this.database = database;
    this.registry = registry;
    this.dictionary = dictionary;
    this.latest = latest;
  }

  StoreStats stats() {
    Map<String, Long> sstBytes = new LinkedHashMap<>();
    long totalSst = 0;
    long live = 0;
    for (Map.Entry<String, ColumnFamilyHandle> family : database.columnFamilies.entrySet()) {
      long size = property(family.getValue(), "rocksdb.total-sst-files-size");
      sstBytes.put(family.getKey(), size);
      totalSst += size;
      live += property(family.getValue(), "rocksdb.estimate-live-data-size");
    }
    RegistryStatistics leases = registry.statistics();
    return new StoreStats(
        dictionary.counter(latest, Dictionary.TRIPLE_COUNT_KEY) + dictionary.counter(latest, Dictionary.NAMED_QUAD_COUNT_KEY),
        Math.max(0, dictionary.counter(latest, Dictionary.NEXT_TERM_ID_KEY) - 1),
        sstBytes,
        // The registry has just read it; only when it could not is it read here (and fails loudly).
        leases.nativeSnapshotCount().orElseGet(() -> property(null, "rocksdb.num-snapshots")),
        leases.count(),
        leases.oldestAge(),
        live,
        totalSst);
  }

  /** Forced bottommost compaction: rewrites the last level too, dropping versions no snapshot needs. */
  void reclaim() {
    try (CompactRangeOptions forced = new CompactRangeOptions()
        .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
      compactEach(forced);
    }
  }

  void compact() {
    try (CompactRangeOptions plain = new CompactRangeOptions()) {
      compactEach(plain);
    }
  }

  private void compactEach(CompactRangeOptions options) {
    for (Map.Entry<String, ColumnFamilyHandle> family : database.columnFamilies.entrySet()) {
      try {
        database.db.compactRange(family.getValue(), null, null, options);
      } catch (RocksDBException e) {
        throw new StoreException("compaction of column family " + family.getKey() + " failed: " + e.getMessage(), e);
      }
    }
  }

  private long property(ColumnFamilyHandle family, String name) {
    try {
      return family == null ? database.db.getLongProperty(name) : database.db.getLongProperty(family, name);
    } catch (RocksDBException e) {
      throw new StoreException("cannot read RocksDB property " + name + ": " + e.getMessage(), e);
    }
  }
}
