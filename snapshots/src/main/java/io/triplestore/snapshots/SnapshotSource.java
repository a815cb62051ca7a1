package io.triplestore.snapshots;

import java.util.OptionalLong;

/**
 * Where a registry's snapshots come from. The registry treats a snapshot as an opaque object and
 * asks its source to take and release it, so the registry can also track snapshots that it did not
 * take itself (see {@link io.triplestore.snapshots.spi.TrackingRegistry}).
 *
 * @param <S> the snapshot type
 */
public interface SnapshotSource<S> {

  /** Takes a new snapshot. Called under the registry's lock, never after its close() began. */
  S take();

  /** Releases {@code snapshot}; called exactly once per snapshot. */
  void release(S snapshot);

  /**
   * The database's own snapshot count ({@code rocksdb.num-snapshots}), when it can be read; more
   * than the registry's count means snapshots are held outside the registry.
   */
  default OptionalLong nativeSnapshotCount() {
    return OptionalLong.empty();
  }

  /** The database's oldest snapshot time in Unix seconds ({@code rocksdb.oldest-snapshot-time}). */
  default OptionalLong oldestNativeSnapshotTime() {
    return OptionalLong.empty();
  }

  /** Reads at a snapshot, or {@code null} when this source's snapshots cannot be read. */
  default SnapshotReader<S> reader() {
    return null;
  }
}
