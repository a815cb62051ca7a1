package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Periodic figures of one registry, and RocksDB's own count of the snapshots it holds. */
@Name(SnapshotJfrEvents.REGISTRY_STATISTICS)
@Label("Snapshot Registry Statistics")
@Description("Live leases, the oldest lease's age, totals since start, and RocksDB's own snapshot count")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@Period("10 s")
@StackTrace(false)
final class SnapshotRegistryStatisticsEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry")
  String registry;

  @Label("Live Leases")
  @Description("Leases currently held")
  int count;

  @Label("Oldest Age")
  @Description("Age of the oldest live lease; zero when there is none")
  @Timespan(Timespan.NANOSECONDS)
  long oldestAge;

  @Label("Total Created")
  @Description("Leases created since the registry started")
  long totalCreated;

  @Label("Released Manual")
  @Description("Leases released by their holder since the start")
  long releasedManual;

  @Label("Released Expired")
  @Description("Leases released because their TTL ran out")
  long releasedExpired;

  @Label("Released Owner Down")
  @Description("Leases released because their owner thread ended or owner object was collected")
  long releasedOwnerDown;

  @Label("Released Forced")
  @Description("Leases released by an operator")
  long releasedForced;

  @Label("Released Closed")
  @Description("Leases released because the registry was closed")
  long releasedClosed;

  @Label("Warnings Emitted")
  @Description("Expiry warnings emitted since the start")
  long warningsEmitted;

  @Label("Releases Due")
  @Description("Report-only registries: expiries and owner deaths reported but not released")
  long releasesDue;

  @Label("RocksDB Snapshot Count")
  @Description("RocksDB's own rocksdb.num-snapshots; -1 when the source cannot read it")
  long rocksDbSnapshotCount;

  @Label("Untracked Snapshot Count")
  @Description("RocksDB's count minus the registry's: snapshots taken outside the registry; -1 when unknown")
  long untrackedSnapshotCount;
}
