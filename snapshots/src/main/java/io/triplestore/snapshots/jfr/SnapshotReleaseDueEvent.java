package io.triplestore.snapshots.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * A report-only registry would have released a lease (it expired, or its owner went away) but
 * keeps it, because releasing a snapshot it does not own could pull it from under its holder.
 */
@Name(SnapshotJfrEvents.RELEASE_DUE)
@Label("Snapshot Release Due")
@Description("A report-only registry found a lease expired or its owner gone; the snapshot is still held")
final class SnapshotReleaseDueEvent extends LeaseEvent {

  @Label("Reason")
  @Description("Why it would have been released: EXPIRED or OWNER_DOWN")
  String reason;

  @Label("Age")
  @Description("How long the snapshot has been held")
  @Timespan(Timespan.NANOSECONDS)
  long age;
}
