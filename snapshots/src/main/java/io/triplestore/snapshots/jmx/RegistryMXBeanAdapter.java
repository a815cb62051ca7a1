package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.HumanDuration;
import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.ReleaseOutcome;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotReleasedException;
import io.triplestore.snapshots.UnknownLeaseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link SnapshotRegistryMXBean} over a registry. Checks every argument itself and answers a bad
 * one with an {@link IllegalArgumentException} that carries only a message: the registry's own
 * exception types are not on a JConsole's classpath, so they must never cross the wire.
 */
final class RegistryMXBeanAdapter implements SnapshotRegistryMXBean {

  /** What a {@code limit} of 0 lists: JConsole's number fields start at 0. */
  static final int DEFAULT_LIMIT = 100;

  private final SnapshotRegistry registry;

  RegistryMXBeanAdapter(SnapshotRegistry registry) {
    this.registry = registry;
  }

  // ---- attributes ----

  @Override
  public String getName() {
    return registry.name();
  }

  @Override
  public int getCount() {
    return registry.count();
  }

  @Override
  public long getOldestAgeMillis() {
    return oldest().map(lease -> lease.age().toMillis()).orElse(0L);
  }

  @Override
  public long getDefaultTtlMillis() {
    return registry.defaultTtl().toMillis();
  }

  @Override
  public long getMaxTtlMillis() {
    Duration max = registry.maxTtl();
    return max == null ? -1 : max.toMillis();
  }

  @Override
  public double getWarnFraction() {
    return registry.warnFraction();
  }

  @Override
  public String getExpiryAction() {
    return registry.expiryAction().name();
  }

  @Override
  public long getTotalCreated() {
    return registry.statistics().totalCreated();
  }

  @Override
  public long getTotalReleased() {
    return registry.statistics().totalReleased();
  }

  @Override
  public long getReleasedManual() {
    return released(ReleaseReason.MANUAL);
  }

  @Override
  public long getReleasedExpired() {
    return released(ReleaseReason.EXPIRED);
  }

  @Override
  public long getReleasedOwnerDown() {
    return released(ReleaseReason.OWNER_DOWN);
  }

  @Override
  public long getReleasedForced() {
    return released(ReleaseReason.FORCED);
  }

  @Override
  public long getReleasedClosed() {
    return released(ReleaseReason.CLOSED);
  }

  private long released(ReleaseReason reason) {
    return registry.statistics().released(reason);
  }

  @Override
  public long getWarningsEmitted() {
    return registry.statistics().warningsEmitted();
  }

  @Override
  public long getReleasesDue() {
    return registry.statistics().releasesDue();
  }

  @Override
  public long getRocksDbSnapshotCount() {
    return nativeCount().orElse(-1);
  }

  @Override
  public long getUntrackedSnapshotCount() {
    OptionalLong nativeCount = nativeCount();
    return nativeCount.isPresent() ? Math.max(0, nativeCount.getAsLong() - registry.count()) : -1;
  }

  @Override
  public long getOldestRocksDbSnapshotTime() {
    return registry.oldestNativeSnapshotTime().orElse(-1);
  }

  @Override
  public String getOldestRocksDbSnapshotAt() {
    long seconds = getOldestRocksDbSnapshotTime();
    return seconds <= 0 ? "" : Instant.ofEpochSecond(seconds).toString();
  }

  @Override
  public String getOldestLeaseCreatedAt() {
    return oldest().map(lease -> lease.createdAt().toString()).orElse("");
  }

  @Override
  public String getOldestAge() {
    return oldest().map(lease -> lease.age().toString()).orElse("");
  }

  private Optional<LeaseInfo> oldest() {
    return registry.count() == 0 ? Optional.empty() : registry.info(1).stream().findFirst();
  }

  private OptionalLong nativeCount() {
    // Empty once the registry is closed: its database may be closed too.
    return registry.nativeSnapshotCount();
  }

  // ---- operations ----

  @Override
  public LeaseRow[] info(int limit) {
    return registry.info(limitOrDefault(limit)).stream().map(InfoLeaseRow::new).toArray(LeaseRow[]::new);
  }

  @Override
  public String leaseTable(int limit) {
    List<LeaseInfo> leases = registry.info(limitOrDefault(limit));
    return LeaseTable.format(leases, registry.count(),
        "no live leases in snapshot registry '" + registry.name() + "'");
  }

  @Override
  public LeaseRow lease(long id) {
    requireLeaseId(id);
    return registry.find(id).map(lease -> new InfoLeaseRow(lease.info())).orElseThrow(() ->
        new IllegalArgumentException(
            "no live snapshot lease with id " + id + " in snapshot registry '" + registry.name() + "'"));
  }

  private static int limitOrDefault(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException(
          "limit must be 1 or more, or 0 for the default of " + DEFAULT_LIMIT + ": " + limit);
    }
    return limit == 0 ? DEFAULT_LIMIT : limit;
  }

  @Override
  public boolean forceRelease(long id) {
    return audited("forceRelease", leaseTarget(id), () -> {
      requireLeaseId(id);
      ReleaseOutcome outcome = registry.forceRelease(id);
      if (outcome == ReleaseOutcome.UNKNOWN) {
        throw unknownLease(id);
      }
      return outcome == ReleaseOutcome.RELEASED;
    }, released -> released ? "released" : "already released");
  }

  @Override
  public int forceReleaseOlderThan(long ageMillis) {
    return audited("forceReleaseOlderThan", "older than " + HumanDuration.format(Duration.ofMillis(ageMillis)), () -> {
      if (ageMillis < 0) {
        throw new IllegalArgumentException("ageMillis must be 0 or more: " + ageMillis);
      }
      return registry.forceReleaseOlderThan(Duration.ofMillis(ageMillis));
    }, count -> "released " + count);
  }

  @Override
  public int forceReleaseOwner(String owner) {
    return audited("forceReleaseOwner", "owner '" + owner + "'", () -> {
      if (owner == null || owner.isBlank()) {
        throw new IllegalArgumentException("owner must be a non-blank owner label, as info lists it");
      }
      return registry.forceReleaseOwner(owner);
    }, count -> "released " + count);
  }

  @Override
  public LeaseRow renew(long id, long ttlMillis) {
    String target = leaseTarget(id) + " to " + HumanDuration.format(Duration.ofMillis(ttlMillis));
    return audited("renew", target, () -> {
      requireLeaseId(id);
      if (ttlMillis <= 0) {
        throw new IllegalArgumentException("ttlMillis must be 1 or more: " + ttlMillis);
      }
      try {
        return (LeaseRow) new InfoLeaseRow(registry.renew(id, Duration.ofMillis(ttlMillis)));
      } catch (UnknownLeaseException e) {
        throw unknownLease(id);
      } catch (SnapshotReleasedException e) {
        throw new IllegalArgumentException(
            "cannot renew: " + e.getMessage() + " in snapshot registry '" + registry.name() + "'");
      }
    }, row -> "renewed");
  }

  private <T> T audited(String action, String target, Supplier<T> work, Function<T, String> describe) {
    return OperatorAudit.record(registry.name(), action, target, work, describe);
  }

  /** {@code lease 42 (owner)}, naming the owner while the lease is still there to ask. */
  private String leaseTarget(long id) {
    return "lease " + id + registry.find(id).map(lease -> " (" + lease.ownerLabel() + ")").orElse("");
  }

  private static void requireLeaseId(long id) {
    if (id <= 0) {
      throw new IllegalArgumentException("lease id must be 1 or more: " + id);
    }
  }

  private IllegalArgumentException unknownLease(long id) {
    return new IllegalArgumentException(
        "no snapshot lease with id " + id + " in snapshot registry '" + registry.name() + "'");
  }
}
