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
   * Who is taking a snapshot, and when, captured now on the taking thread: the thread, the
   * registry's creation stamp and, when stack capture picks this one, the stack. For an observer
   * that registers a snapshot later, from another thread, with {@link #track(Object, LeaseOptions,
   * Origin)}; cheap enough for a host's hot path (no lock, no clock call with the default ticker).
   */
  Origin origin();

  /**
   * As {@link #track(Object, LeaseOptions)}, for a snapshot taken earlier: the lease is owned,
   * labelled, aged and given its deadlines as if created at {@code origin}, by its thread, with its
   * stack. Its id, and so its place in creation order, is given now.
   *
   * @throws IllegalStateException if the registry is closed
   * @throws IllegalArgumentException if {@code origin} was not made by this kind of registry
   */
  SnapshotLease track(Object snapshot, LeaseOptions options, Origin origin);

  /**
   * Where a snapshot came from, from {@link #origin()}.
   *
   * @param thread the thread that took it: its owner, and its label unless the options give one
   * @param stampNanos its creation stamp, in the registry's ticker
   * @param site the recorded creation stack, or null when stack capture skipped it
   */
  record Origin(Thread thread, long stampNanos, Object site) {
    public Origin {
      java.util.Objects.requireNonNull(thread, "thread");
    }
  }

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
