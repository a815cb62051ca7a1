package io.triplestore.daemon.jmx;

import java.util.Map;

/**
 * The store as operators see it in JConsole or Jolokia, at {@value #OBJECT_NAME}. Attributes are
 * point-in-time figures, read from RocksDB on each access.
 */
public interface StoreMXBean {

  String OBJECT_NAME = "io.triplestore:type=Store";

  /** The data directory. */
  String getDataDirectory();

  /** Quads in the store, in every graph. */
  long getQuads();

  /** Triples in the default graph. */
  long getTriples();

  /** Named graphs that hold at least one quad. */
  int getNamedGraphs();

  /** Terms in the dictionary. */
  long getTerms();

  /** SST bytes over every column family. */
  long getTotalSstBytes();

  /** RocksDB's estimate of the live data, over every column family. */
  long getEstimatedLiveBytes();

  /** Live over total SST bytes; well below 1 means space pinned by snapshots or not yet compacted. */
  double getLiveToTotalRatio();

  /** SST bytes per column family. */
  Map<String, Long> getSstBytesByColumnFamily();

  /**
   * The SST sizes in one line for one look: {@code 95.1 MiB: spo 30.2 MiB, pos 30.0 MiB, ...},
   * largest column family first ({@link #getSstBytesByColumnFamily()} pages one per view in JConsole).
   */
  String getSstBytesSummary();

  /** Every RocksDB snapshot of the database, leased or not. */
  long getNativeSnapshots();

  /** Live leases in the store's registry. */
  int getLeases();

  /** Age of the oldest live lease in milliseconds, 0 without leases. */
  long getOldestLeaseAgeMillis();

  /**
   * Gives back space that released snapshots pinned: a full compaction with forced bottommost
   * compaction. Slow on a large store; runs in the caller's thread.
   */
  void reclaim();

  /** A plain full compaction (keeps bottommost files as they are; see {@link #reclaim()}). */
  void compact();

  /** Flushes memtables to SST files. */
  void flush();

  /**
   * Checks every invariant of the stored data at one consistent state (a lease named
   * {@code store verify}): the dictionary maps terms to ids one to one, every index agrees with the
   * others and with the dictionary, the triple counter equals the real count. Reads the whole
   * store, in the caller's thread; writes go on meanwhile. Returns the report: its first line
   * starts with {@code consistent} or {@code INCONSISTENT}, then one line per violation.
   */
  String verify();
}
