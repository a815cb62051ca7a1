package io.triplestore.snapshots.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/** A lease was released. */
@Name(SnapshotJfrEvents.RELEASED)
@Label("Snapshot Released")
@Description("A leased RocksDB snapshot was released")
final class SnapshotReleasedEvent extends LeaseEvent {

  @Label("Reason")
  @Description("Why it was released: MANUAL, EXPIRED, OWNER_DOWN, FORCED or CLOSED")
  String reason;

  @Label("Age")
  @Description("How long the snapshot was held")
  @Timespan(Timespan.NANOSECONDS)
  long age;
}
