package io.triplestore.snapshots.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A lease was created. Stack traces are off unless a profile turns them on (leak-hunt.jfc does). */
@Name(SnapshotJfrEvents.CREATED)
@Label("Snapshot Created")
@Description("A RocksDB snapshot was taken (or tracked) under a lease")
@Category({SnapshotJfrEvents.CATEGORY, SnapshotJfrEvents.SUBCATEGORY})
@StackTrace(false)
final class SnapshotCreatedEvent extends jdk.jfr.Event {

  @Label("Registry")
  @Description("Name of the snapshot registry that issued the lease")
  String registry;

  @Label("Lease Id")
  @Description("Id of the lease, unique within its registry")
  long leaseId;

  @Label("Owner")
  @Description("Who holds the lease: its label, else the owner thread's name or the owner object's class")
  String owner;

  @Label("Owner Thread")
  @Description("Name of the thread that created the lease")
  String ownerThread;

  @Label("TTL")
  @Description("Time-to-live of the lease")
  @Timespan(Timespan.NANOSECONDS)
  long ttl;
}
