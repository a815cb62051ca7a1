package io.triplestore.snapshots;

/**
 * Bounds for an iterator opened through a lease. RocksDB stops at the bounds itself, so a scan
 * of one prefix never reads past it.
 *
 * @param lowerBound first key (inclusive) the iterator may return, or {@code null}
 * @param upperBound key (exclusive) where the iterator stops, or {@code null}
 * @param prefixSameAsStart whether to use the column family's prefix extractor for a seek
 */
public record IteratorOptions(byte[] lowerBound, byte[] upperBound, boolean prefixSameAsStart) {

  private static final IteratorOptions NONE = new IteratorOptions(null, null, false);

  /** No bounds. */
  public static IteratorOptions none() {
    return NONE;
  }

  /** Keys from {@code lower} (inclusive) to {@code upper} (exclusive). */
  public static IteratorOptions range(byte[] lower, byte[] upper) {
    return new IteratorOptions(lower, upper, false);
  }
}
