package io.triplestore.snapshots.jmx;

/**
 * A snapshot lease registry for operators (JConsole, Jolokia, jcmd-style tooling). One per
 * registry, at {@code io.triplestore:type=SnapshotRegistry,name=<registry name>}; register it with
 * {@link SnapshotRegistryJmx#register}.
 *
 * <p>Every attribute is a point-in-time value, read when asked; two attributes read one after the
 * other may describe slightly different moments. Durations are in milliseconds; {@code -1} means
 * unknown (or, for {@link #getMaxTtlMillis()}, unbounded).
 *
 * <p>Notifications: {@link #EXPIRY_WARNING_NOTIFICATION} when a lease reaches the warning fraction
 * of its TTL, {@link #RELEASED_NOTIFICATION} when a lease is released for any reason other than
 * {@code MANUAL}, and {@link #RELEASE_DUE_NOTIFICATION} when a report-only registry would have
 * released a lease. Their user data is a composite with {@code leaseId}, {@code owner},
 * {@code ownerThread}, {@code reason}, {@code ageMillis}, {@code ttlMillis} and
 * {@code remainingMillis}.
 */
public interface SnapshotRegistryMXBean {

  /** The object name domain. */
  String DOMAIN = "io.triplestore";
  /** The {@code type} key of the object name. */
  String TYPE = "SnapshotRegistry";

  /** A lease reached the warning fraction of its TTL. */
  String EXPIRY_WARNING_NOTIFICATION = "triplestore.snapshot.expiryWarning";
  /** A lease was released with a reason other than {@code MANUAL}. */
  String RELEASED_NOTIFICATION = "triplestore.snapshot.released";
  /** A report-only registry found a lease expired or its owner gone, and keeps it. */
  String RELEASE_DUE_NOTIFICATION = "triplestore.snapshot.releaseDue";

  String getName();

  int getCount();

  long getOldestAgeMillis();

  long getDefaultTtlMillis();

  long getMaxTtlMillis();

  double getWarnFraction();

  String getExpiryAction();

  long getTotalCreated();

  long getTotalReleased();

  long getReleasedManual();

  long getReleasedExpired();

  long getReleasedOwnerDown();

  long getReleasedForced();

  long getReleasedClosed();

  long getWarningsEmitted();

  long getReleasesDue();

  long getRocksDbSnapshotCount();

  long getUntrackedSnapshotCount();

  long getOldestRocksDbSnapshotTime();

  /** {@link #getOldestRocksDbSnapshotTime()} as an ISO-8601 instant; empty when none or unknown. */
  String getOldestRocksDbSnapshotAt();

  /** When the oldest live lease was created, ISO-8601; empty without leases. */
  String getOldestLeaseCreatedAt();

  /** {@link #getOldestAgeMillis()} as an ISO-8601 duration ({@code PT1M15S}); empty without leases. */
  String getOldestAge();

  /**
   * Up to {@code limit} live leases, oldest first; 0 means {@value RegistryMXBeanAdapter#DEFAULT_LIMIT};
   * capped at {@code SnapshotRegistry.MAX_INFO_LIMIT}.
   */
  LeaseRow[] info(int limit);

  /**
   * The oldest {@code limit} live leases (0: {@value RegistryMXBeanAdapter#DEFAULT_LIMIT}) as a
   * fixed-width text table, one lease a line: what JConsole's result dialog shows in one view.
   */
  String leaseTable(int limit);

  /** The live lease {@code id}. */
  LeaseRow lease(long id);

  /** Releases lease {@code id} with reason {@code FORCED}; false when it was already released. */
  boolean forceRelease(long id);

  /** Releases every lease older than {@code ageMillis} with reason {@code FORCED}; returns how many. */
  int forceReleaseOlderThan(long ageMillis);

  /** Releases every lease whose owner label is {@code owner}, reason {@code FORCED}; how many. */
  int forceReleaseOwner(String owner);

  /** Restarts lease {@code id}'s clock with {@code ttlMillis}; returns its new state. */
  LeaseRow renew(long id, long ttlMillis);
}
