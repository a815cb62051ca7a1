package io.triplestore.snapshots;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;

/**
 * One snapshot held under a lease: an owner, a creation time and a deadline. Close it to release
 * the snapshot; closing again does nothing.
 *
 * <p>Reads go through the lease. A read pins the lease for its duration, so a release (for any
 * reason) waits for it; a read after release throws {@link SnapshotReleasedException} naming the
 * reason. There is no way to read a released snapshot.
 */
public interface SnapshotLease extends AutoCloseable {

  long id();

  /** Who holds it, for operators. */
  String ownerLabel();

  /** The name of the thread that created it. */
  String ownerThreadName();

  /** What the holder does with it ({@link LeaseOptions.Builder#description}); empty when not given. */
  String description();

  Instant createdAt();

  /** Time since creation; for a released lease, its age when it was released. */
  Duration age();

  /** The current time-to-live, measured from creation or the last renewal. */
  Duration ttl();

  /**
   * True from the instant a release of this lease has been claimed (by any thread, for any
   * reason): no new read can start. The native release may still be running at that instant; a
   * {@code close()} or {@code release(id)} that comes second waits until it has finished.
   */
  boolean isReleased();

  /** The release reason, empty while live. */
  Optional<ReleaseReason> releaseReason();

  /** A point-in-time description. */
  LeaseInfo info();

  /**
   * Restarts the lease's clock with a new TTL, counted from now.
   *
   * @throws SnapshotReleasedException if it has been released
   * @throws IllegalArgumentException if the TTL is not positive or above the registry's maximum
   */
  void renew(Duration ttl);

  /**
   * Reads {@code key} from {@code columnFamily} at this snapshot.
   *
   * @return the value, or {@code null} when absent
   * @throws SnapshotReleasedException if the lease has been released
   * @throws UnsupportedOperationException if the registry observes snapshots it cannot read
   */
  byte[] get(ColumnFamilyHandle columnFamily, byte[] key);

  /** Opens an iterator at this snapshot; it is closed on release if still open. */
  LeaseIterator iterator(ColumnFamilyHandle columnFamily, IteratorOptions options);

  /** Whether this lease was created by {@code registry}: a field read, no lock. */
  boolean belongsTo(SnapshotRegistry registry);

  /**
   * Releases the snapshot with reason {@code MANUAL}, waiting for reads in flight. Idempotent:
   * if another release is running, waits until it has finished.
   */
  @Override
  void close();
}
