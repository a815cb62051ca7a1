package io.triplestore.store;

import java.time.Duration;
import java.util.Map;

/**
 * Point-in-time figures of a store.
 *
 * @param quads quads in the store, in every graph
 * @param distinctTerms terms in the dictionary (terms are kept after their last quad goes)
 * @param sstBytesByColumnFamily {@code rocksdb.total-sst-files-size} of each column family
 * @param nativeSnapshots {@code rocksdb.num-snapshots}: every snapshot of the database, leased or not
 * @param leases live leases in the store's registry
 * @param oldestLeaseAge age of the oldest live lease, zero when there is none
 * @param estimatedLiveBytes {@code rocksdb.estimate-live-data-size}, summed over column families
 * @param totalSstBytes {@code rocksdb.total-sst-files-size}, summed over column families
 */
public record StoreStats(
    long quads,
    long distinctTerms,
    Map<String, Long> sstBytesByColumnFamily,
    long nativeSnapshots,
    int leases,
    Duration oldestLeaseAge,
    long estimatedLiveBytes,
    long totalSstBytes) {

  public StoreStats {
    sstBytesByColumnFamily = Map.copyOf(sstBytesByColumnFamily);
  }

  /**
   * Estimated live data over SST size, 1.0 when empty. Well below 1 means space held by old
   * versions: by snapshots, or not yet compacted away ({@link TripleStore#reclaim()}).
   */
  public double liveToTotalRatio() {
    return totalSstBytes == 0 ? 1.0 : (double) estimatedLiveBytes / totalSstBytes;
  }
}
