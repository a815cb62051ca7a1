package io.triplestore.snapshots.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** A lease reached the warning fraction of its TTL; always emitted before its expiry. */
@Name(SnapshotJfrEvents.EXPIRY_WARNING)
@Label("Snapshot Expiry Warning")
@Description("A lease has used up the warning fraction of its time-to-live and will expire unless renewed")
final class SnapshotExpiryWarningEvent extends LeaseEvent {

  @Label("Age")
  @Description("How long the snapshot has been held")
  @Timespan(Timespan.NANOSECONDS)
  long age;

  @Label("Remaining")
  @Description("Time left until the lease expires")
  @Timespan(Timespan.NANOSECONDS)
  long remaining;
}
