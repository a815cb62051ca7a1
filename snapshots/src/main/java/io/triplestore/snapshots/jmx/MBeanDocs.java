package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.SnapshotRegistry;
import java.util.List;
import java.util.Map;
import javax.management.MBeanOperationInfo;

/**
 * What JConsole shows for each attribute, operation and parameter of
 * {@link SnapshotRegistryMXBean}. The MXBean introspector knows none of it: without these it
 * shows parameters as {@code p0}, descriptions as the bare names, and impact as UNKNOWN.
 */
final class MBeanDocs {

  /** One operation: what it does, its impact, and its parameters in order. */
  record Operation(String description, int impact, List<Parameter> parameters) {}

  /** One operation parameter. */
  record Parameter(String name, String description) {}

  static final String MBEAN =
      "Snapshot lease registry: every RocksDB snapshot as a lease with an owner, an age and a "
          + "time-to-live. Attributes are point-in-time values; -1 means unknown.";

  static final Map<String, String> ATTRIBUTES = Map.ofEntries(
      Map.entry("Name", "The registry's name, as in the object name, JFR events and logs"),
      Map.entry("Count", "Live leases (snapshots held through this registry)"),
      Map.entry("OldestAgeMillis", "Age of the oldest live lease in milliseconds; 0 when there is none"),
      Map.entry("DefaultTtlMillis", "Time-to-live of a lease created without one, in milliseconds"),
      Map.entry("MaxTtlMillis", "The largest time-to-live a lease may have, in milliseconds; -1 when unbounded"),
      Map.entry("WarnFraction", "Fraction of its time-to-live after which a lease is warned about"),
      Map.entry("ExpiryAction", "What expiry and owner death do: RELEASE the snapshot, or only REPORT it"),
      Map.entry("TotalCreated", "Leases created since the registry started"),
      Map.entry("TotalReleased", "Leases released since the registry started, all reasons together"),
      Map.entry("ReleasedManual", "Leases released by their holder (reason MANUAL)"),
      Map.entry("ReleasedExpired", "Leases released because their time-to-live ran out (reason EXPIRED)"),
      Map.entry("ReleasedOwnerDown",
          "Leases released because their owner thread ended or owner object was collected (reason OWNER_DOWN)"),
      Map.entry("ReleasedForced", "Leases released by an operator (reason FORCED)"),
      Map.entry("ReleasedClosed", "Leases released because the registry was closed (reason CLOSED)"),
      Map.entry("WarningsEmitted", "Expiry warnings emitted since the registry started"),
      Map.entry("ReleasesDue",
          "Report-only registries: expiries and owner deaths reported while the snapshot stays held"),
      Map.entry("RocksDbSnapshotCount",
          "RocksDB's own count of live snapshots (rocksdb.num-snapshots); -1 when it cannot be read"),
      Map.entry("UntrackedSnapshotCount",
          "RocksDbSnapshotCount minus Count: snapshots someone holds outside this registry; -1 when unknown"),
      Map.entry("OldestRocksDbSnapshotTime",
          "Unix time in seconds of RocksDB's oldest live snapshot (rocksdb.oldest-snapshot-time); "
              + "0 when it holds none, -1 when it cannot be read"),
      Map.entry("OldestRocksDbSnapshotAt",
          "OldestRocksDbSnapshotTime as an ISO-8601 instant (UTC); empty when RocksDB holds none or it cannot be read"),
      Map.entry("OldestLeaseCreatedAt", "When the oldest live lease was created, ISO-8601 (UTC); empty without leases"),
      Map.entry("OldestAge", "OldestAgeMillis as an ISO-8601 duration (PT1M15S); empty without leases"));

  private static final Parameter LIMIT = new Parameter("limit",
      "How many leases to list: 0 for " + RegistryMXBeanAdapter.DEFAULT_LIMIT + ", else 1 or more (capped at "
          + SnapshotRegistry.MAX_INFO_LIMIT + ")");

  static final Map<String, Operation> OPERATIONS = Map.of(
      "info", new Operation(
          "Live leases, oldest first: id, owner, thread, age, TTL, remaining time, warned, creation stack. "
              + "Returns at most " + SnapshotRegistry.MAX_INFO_LIMIT + " rows whatever the limit",
          MBeanOperationInfo.INFO,
          List.of(LIMIT)),
      "leaseTable", new Operation(
          "The oldest live leases as a text table, one lease a line (id, owner, age, TTL, remaining, state, "
              + "thread, created): every lease in one view",
          MBeanOperationInfo.INFO,
          List.of(LIMIT)),
      "lease", new Operation(
          "One live lease by id: owner, thread, age, TTL, remaining time, warned, creation stack",
          MBeanOperationInfo.INFO,
          List.of(new Parameter("id", "The lease id, as listed by info or leaseTable"))),
      "forceRelease", new Operation(
          "Releases one lease now (reason FORCED), after its in-flight reads finish. "
              + "Returns false when it had already been released",
          MBeanOperationInfo.ACTION,
          List.of(new Parameter("id", "The lease id, as listed by info"))),
      "forceReleaseOlderThan", new Operation(
          "Releases every lease older than the given age (reason FORCED). Returns how many were released",
          MBeanOperationInfo.ACTION,
          List.of(new Parameter("ageMillis", "Age in milliseconds, 0 or more: leases strictly older are released"))),
      "forceReleaseOwner", new Operation(
          "Releases every lease held by the given owner label (reason FORCED). Returns how many were released",
          MBeanOperationInfo.ACTION,
          List.of(new Parameter("owner", "The owner label exactly as info shows it"))),
      "renew", new Operation(
          "Restarts a lease's clock: it expires ttlMillis from now. Returns the lease's new state",
          MBeanOperationInfo.ACTION,
          List.of(new Parameter("id", "The lease id, as listed by info"),
              new Parameter("ttlMillis", "The new time-to-live in milliseconds, 1 or more (within MaxTtlMillis)"))));

  private MBeanDocs() {}
}
