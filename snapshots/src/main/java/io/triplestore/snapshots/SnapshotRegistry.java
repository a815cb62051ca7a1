package io.triplestore.snapshots;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every snapshot as a lease: an owner, a creation time, a time-to-live, a warning before expiry,
 * and a release on expiry, on owner death, by hand or by an operator. Built with {@link #builder()}.
 *
 * <p>All methods are thread-safe. {@link #count()} is O(1); {@link #info(int)} costs O(limit);
 * maintenance costs work proportional to what is due, not to how many leases are live.
 */
public interface SnapshotRegistry extends AutoCloseable {

  /** The most leases {@link #info(int)} returns in one call, whatever the limit asked for. */
  int MAX_INFO_LIMIT = 10_000;

  static SnapshotRegistryBuilder builder() {
    return new SnapshotRegistryBuilder();
  }

  /** The registry's name, used in JMX object names, thread names, events and logs. */
  String name();

  /** Takes a snapshot under a lease with the default TTL, owned by the calling thread. */
  SnapshotLease create();

  /** Takes a snapshot under a lease with {@code ttl}, owned by the calling thread. */
  SnapshotLease create(Duration ttl);

  /**
   * Takes a snapshot under a lease.
   *
   * @throws IllegalArgumentException if the TTL is above the registry's maximum
   * @throws LeaseLimitExceededException if the registry already holds its maximum of leases
   * @throws IllegalStateException if the registry is closed
   */
  SnapshotLease create(LeaseOptions options);

  /** Runs {@code work} at a new snapshot and releases it afterwards, also on exception. */
  <T, X extends Exception> T withSnapshot(SnapshotFunction<T, X> work) throws X;

  /** Like {@link #withSnapshot(SnapshotFunction)} with a TTL for the lease. */
  <T, X extends Exception> T withSnapshot(Duration ttl, SnapshotFunction<T, X> work) throws X;

  /**
   * Releases lease {@code id} with reason {@code MANUAL}. Never throws for a bad id. Returns once
   * the snapshot is released, also when another thread's release of it was already running ({@code
   * ALREADY_RELEASED} then).
   */
  ReleaseOutcome release(long id);

  /**
   * Restarts lease {@code id}'s clock with {@code ttl}.
   *
   * @return the lease's new state
   * @throws UnknownLeaseException if no such lease was issued
   * @throws SnapshotReleasedException if it has been released
   * @throws IllegalArgumentException if the TTL is not positive or above the maximum
   */
  LeaseInfo renew(long id, Duration ttl);

  /** The live lease {@code id}, if any. */
  Optional<SnapshotLease> find(long id);

  /**
   * The live lease {@code id}.
   *
   * @throws UnknownLeaseException if no such lease was issued
   * @throws SnapshotReleasedException if it has been released, naming the reason when remembered
   */
  SnapshotLease lease(long id);

  /** Live leases. O(1) amortised: it first files the leases created since the registry last looked. */
  int count();

  /** Up to {@code limit} live leases, oldest first; the limit is capped at {@link #MAX_INFO_LIMIT}. */
  List<LeaseInfo> info(int limit);

  /** Point-in-time figures. */
  RegistryStatistics statistics();

  /** Releases lease {@code id} with reason {@code FORCED}. Never throws for a bad id. */
  ReleaseOutcome forceRelease(long id);

  /** Releases every lease older than {@code age} with reason {@code FORCED}; returns how many. */
  int forceReleaseOlderThan(Duration age);

  /** Releases every lease whose owner label is {@code label}, reason {@code FORCED}; how many. */
  int forceReleaseOwner(String label);

  /** Runs pending maintenance now: warnings, expiries and owner checks that are due. */
  void cleanUp();

  void addListener(SnapshotListener listener);

  void removeListener(SnapshotListener listener);

  /** The default TTL of a lease. */
  Duration defaultTtl();

  /** The largest TTL a lease may have, or {@code null} when unbounded. */
  Duration maxTtl();

  /** The fraction of a TTL after which the expiry warning is emitted. */
  double warnFraction();

  /** What expiry and owner death do. */
  ExpiryAction expiryAction();

  /** The database's own snapshot count, when the source can read it; see {@link SnapshotSource}. */
  java.util.OptionalLong nativeSnapshotCount();

  /**
   * The database's oldest snapshot time in Unix seconds ({@code rocksdb.oldest-snapshot-time}; 0
   * when it holds none), when the source can read it; see {@link SnapshotSource}.
   */
  default java.util.OptionalLong oldestNativeSnapshotTime() {
    return java.util.OptionalLong.empty();
  }

  boolean isClosed();

  /**
   * Releases every live lease with reason {@code CLOSED} (waiting for in-flight reads), stops
   * maintenance and tells listeners. A barrier: when it returns, no release (whichever thread
   * claimed it), read or create of this registry is running, the maintenance thread has ended,
   * and every later create fails without taking a snapshot; so the database can be closed.
   * Idempotent (a second call waits for the first); never throws.
   */
  @Override
  void close();
}
