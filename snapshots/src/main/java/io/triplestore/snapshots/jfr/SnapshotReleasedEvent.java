package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A lease was released. */
@Name(SnapshotJfrEvents.RELEASED)
@Label("Snapshot Released")
@Description("A leased RocksDB snapshot was released")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
final class SnapshotReleasedEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry that issued the lease")
  String registry;

  @Label("Lease Id")
  @Description("Id of the lease, unique within its registry")
  long leaseId;

  @Label("Owner")
  @Description("Who held the lease")
  String owner;

  @Label("Reason")
  @Description("Why it was released: MANUAL, EXPIRED, OWNER_DOWN, FORCED or CLOSED")
  String reason;

  @Label("Age")
  @Description("How long the snapshot was held")
  @Timespan(Timespan.NANOSECONDS)
  long age;

  @Label("TTL")
  @Description("Time-to-live of the lease when it was released")
  @Timespan(Timespan.NANOSECONDS)
  long ttl;
}
