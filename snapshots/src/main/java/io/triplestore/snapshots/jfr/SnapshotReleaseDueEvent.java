package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A report-only registry would have released a lease (it expired, or its owner went away) but
 * keeps it, because releasing a snapshot it does not own could pull it from under its holder.
 */
@Name(SnapshotJfrEvents.RELEASE_DUE)
@Label("Snapshot Release Due")
@Description("A report-only registry found a lease expired or its owner gone; the snapshot is still held")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
final class SnapshotReleaseDueEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry that tracks the lease")
  String registry;

  @Label("Lease Id")
  @Description("Id of the lease, unique within its registry")
  long leaseId;

  @Label("Owner")
  @Description("Who holds the lease")
  String owner;

  @Label("Reason")
  @Description("Why it would have been released: EXPIRED or OWNER_DOWN")
  String reason;

  @Label("Age")
  @Description("How long the snapshot has been held")
  @Timespan(Timespan.NANOSECONDS)
  long age;

  @Label("TTL")
  @Description("Time-to-live of the lease")
  @Timespan(Timespan.NANOSECONDS)
  long ttl;
}
