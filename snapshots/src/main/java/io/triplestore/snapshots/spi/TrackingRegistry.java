package io.triplestore.snapshots.spi;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseOutcome;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;

/**
 * A registry that also tracks snapshots it did not take, for observers such as the agent, which
 * learn of a snapshot after the host took it and of its end when the host releases it. Built with
 * {@link SnapshotRegistryBuilder#buildTracking()}. Applications use {@link SnapshotRegistry}.
 *
 * <p>All methods are thread-safe.
 */
public interface TrackingRegistry extends SnapshotRegistry {

  /**
   * Registers a snapshot that someone else took (the source's {@code release} will be called for
   * it on release, unless the registry only reports).
   *
   * @throws IllegalStateException if the registry is closed
   */
  SnapshotLease track(Object snapshot, LeaseOptions options);

  /**
   * Releases lease {@code id} recording {@code reason}. For observers whose snapshots end by other
   * means than the lease: an agent reports {@code CLOSED} for the snapshots still held when their
   * database closes. Never throws for a bad id.
   */
  ReleaseOutcome release(long id, ReleaseReason reason);

  /**
   * Releases {@code lease}, one that {@link #track} returned, recording {@code reason}: as {@link
   * #release(long, ReleaseReason)}, without looking the id up (which files every lease created
   * since the last lookup, under the registry's lock). For observers that keep the lease they
   * tracked and release it on a host's hot path.
   *
   * @throws IllegalArgumentException if {@code lease} is not one of this registry's
   */
  ReleaseOutcome release(SnapshotLease lease, ReleaseReason reason);

  /**
   * The object {@link #track} registered for {@code lease}, during its life and after its release,
   * so that a listener's callback can describe it without an index of its own. For a lease this
   * registry took itself, the snapshot its source took; {@code null} for one of another registry
   * or one whose snapshot is not taken yet.
   */
  Object tracked(SnapshotLease lease);
}
