package io.triplestore.snapshots.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A lease was created. Stack traces are off unless a profile turns them on (leak-hunt.jfc does). */
@Name(SnapshotJfrEvents.CREATED)
@Label("Snapshot Created")
@Description("A RocksDB snapshot was taken (or tracked) under a lease")
final class SnapshotCreatedEvent extends LeaseEvent {

  @Label("Owner Thread")
  @Description("Name of the thread that created the lease")
  String ownerThread;

  @Label("Description")
  @Description("What the holder does with the lease, e.g. the start of a SPARQL query's text; empty if not given")
  String description;
}
