package io.triplestore.snapshots.jfr;

import io.triplestore.snapshots.SnapshotLease;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * What every event about one lease carries. JFR includes a superclass's fields in each event
 * (listed after the event's own fields by {@code jfr print}).
 */
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
abstract class LeaseEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry that issued or tracks the lease")
  String registry;

  @Label("Lease Id")
  @Description("Id of the lease, unique within its registry")
  long leaseId;

  @Label("Owner")
  @Description("Who holds the lease: its label, else the owner thread's name or the owner object's class")
  String owner;

  @Label("TTL")
  @Description("Time-to-live of the lease, from its creation or last renewal")
  @Timespan(Timespan.NANOSECONDS)
  long ttl;

  /** Fills the fields above; call only after {@code shouldCommit()} said yes. */
  final void describe(String registryName, SnapshotLease lease) {
    registry = registryName;
    leaseId = lease.id();
    owner = lease.ownerLabel();
    ttl = lease.ttl().toNanos();
  }
}
