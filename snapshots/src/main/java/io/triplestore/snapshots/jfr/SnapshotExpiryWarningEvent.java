package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A lease reached the warning fraction of its TTL; always emitted before its expiry. */
@Name(SnapshotJfrEvents.EXPIRY_WARNING)
@Label("Snapshot Expiry Warning")
@Description("A lease has used up the warning fraction of its time-to-live and will expire unless renewed")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
final class SnapshotExpiryWarningEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry that issued the lease")
  String registry;

  @Label("Lease Id")
  @Description("Id of the lease, unique within its registry")
  long leaseId;

  @Label("Owner")
  @Description("Who holds the lease")
  String owner;

  @Label("Age")
  @Description("How long the snapshot has been held")
  @Timespan(Timespan.NANOSECONDS)
  long age;

  @Label("TTL")
  @Description("Time-to-live of the lease")
  @Timespan(Timespan.NANOSECONDS)
  long ttl;

  @Label("Remaining")
  @Description("Time left until the lease expires")
  @Timespan(Timespan.NANOSECONDS)
  long remaining;
}
