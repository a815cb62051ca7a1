package io.triplestore.store;

import org.rocksdb.Range;
import org.rocksdb.SizeApproximationFlag;
import org.rocksdb.Slice;

/**
 * Estimates how many keys a {@link MatchPlan} scans, cheaply enough for a query planner to ask per
 * pattern: counts exactly up to a bound, and past it scales RocksDB's size estimate of the key
 * range (SST files and memtables) by the index's own bytes per key (its whole size over its entry
 * count, from the counters), since prefix compression and LZ4 make a stored key much smaller than
 * its 24 or 32 bytes.
 *
 * <p>Concurrency: stateless apart from the database; safe from any thread while the store is open.
 */
final class CardinalityEstimator {

  /** How far to count when RocksDB gives no size estimate: a few milliseconds of key reads. */
  static final long FALLBACK_COUNT_UP_TO = 65_536;

  private final StoreDatabase database;
  private final Dictionary dictionary;
  private final KeyReader latest;
  private final int exactUpTo;

  CardinalityEstimator(StoreDatabase database, Dictionary dictionary, KeyReader latest, int exactUpTo) {
    this.database = database;
    this.dictionary = dictionary;
    this.latest = latest;
    this.exactUpTo = exactUpTo;
  }

  long estimate(MatchPlan plan) {
    long entries = entries(plan.index());
    if (plan.lower() == null) {
      return entries;
    }
    long counted = countUpTo(plan, exactUpTo);
    if (counted < exactUpTo) {
      return counted;
    }
    long rangeBytes = approximateBytes(plan, plan.lower(), plan.upper());
    long indexBytes = approximateBytes(plan, null, null);
    if (rangeBytes <= 0 || indexBytes <= 0 || entries <= 0) {
      // RocksDB has no estimate for a range inside one block, or one still in a memtable: count
      // on, to a bound, rather than call every such pattern 1,024 and leave the planner blind.
      return countUpTo(plan, FALLBACK_COUNT_UP_TO);
    }
    long scaled = (long) ((double) rangeBytes / indexBytes * entries);
    return Math.max(counted, Math.min(scaled, entries));
  }

  private long countUpTo(MatchPlan plan, long bound) {
    long counted = 0;
    try (KeyReader.KeyCursor cursor = latest.cursor(database.index(plan.index()), plan)) {
      for (; cursor.isValid() && counted < bound; cursor.next()) {
        counted++;
      }
    }
    return counted;
  }

  /** Entries of the index: every index of a family holds each quad of that family once. */
  private long entries(IndexOrder index) {
    return dictionary.counter(latest, index.named() ? Dictionary.NAMED_QUAD_COUNT_KEY : Dictionary.TRIPLE_COUNT_KEY);
  }

  private long approximateBytes(MatchPlan plan, byte[] lower, byte[] upper) {
    byte[] start = lower != null ? lower : new byte[0];
    // Past every key of the index: a key is at most 32 bytes, all 0xFF sorts after all of them.
    byte[] limit = upper != null ? upper : allOnes(plan.index().keyLength() + 1);
    try (Slice startSlice = new Slice(start); Slice limitSlice = new Slice(limit)) {
      long[] sizes = database.db.getApproximateSizes(database.index(plan.index()),
          java.util.List.of(new Range(startSlice, limitSlice)),
          SizeApproximationFlag.INCLUDE_FILES, SizeApproximationFlag.INCLUDE_MEMTABLES);
      return sizes[0];
    } catch (RuntimeException e) {
      throw new StoreException("size estimate failed: " + e.getMessage(), e);
    }
  }

  private static byte[] allOnes(int length) {
    byte[] bytes = new byte[length];
    java.util.Arrays.fill(bytes, (byte) 0xFF);
    return bytes;
  }
}
