package io.triplestore.snapshots.jfr;

import io.triplestore.snapshots.LeaseInfo;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.SettingDefinition;
import jdk.jfr.Timespan;

/**
 * Periodic: one of the oldest live leases of a registry, by rank, so that a recording started in
 * the middle of an incident says who holds what. How many per period: the {@code count} setting.
 */
@Name(SnapshotJfrEvents.OLDEST_LEASE)
@Label("Snapshot Oldest Lease")
@Description("One of the oldest live leases, each period: id, owner, age, TTL and remaining time")
@Period("10 s")
final class SnapshotOldestLeaseEvent extends LeaseEvent {

  @Label("Rank")
  @Description("1 for the oldest live lease, 2 for the next, and so on")
  int rank;

  @Label("Age")
  @Description("How long the lease has been held")
  @Timespan(Timespan.NANOSECONDS)
  long age;

  @Label("Remaining")
  @Description("Time to the lease's deadline; negative once overdue in a report-only registry")
  @Timespan(Timespan.NANOSECONDS)
  long remaining;

  @Label("Count")
  @Description("How many of the oldest live leases to name each period")
  @SettingDefinition
  boolean count(OldestLeaseCount setting) {
    return true;
  }

  /** Fills every field from one row of {@code registry.info(count)}. */
  void describe(String registryName, LeaseInfo lease, int rankFromOne) {
    registry = registryName;
    leaseId = lease.id();
    owner = lease.ownerLabel();
    ttl = lease.ttl().toNanos();
    rank = rankFromOne;
    age = lease.age().toNanos();
    remaining = lease.remaining().toNanos();
  }
}
