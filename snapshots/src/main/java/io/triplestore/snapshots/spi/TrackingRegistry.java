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
}
