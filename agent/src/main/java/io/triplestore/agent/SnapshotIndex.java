package io.triplestore.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots the host holds as the tracker knows them, by native handle (what the host's calls
 * carry), with each database's count of them. The registry's events carry the lease, from which
 * the registry gives back the tracked snapshot ({@code TrackingRegistry.tracked}): no index by
 * lease id, so a snapshot's life on the host's thread costs one map entry.
 *
 * <p>A snapshot is indexed only once its lease exists, and only while its tracking is live: a
 * lease the registry ended before the tracker could index it (an operator's force-release racing
 * the host's {@code getSnapshot}) leaves nothing behind.
 *
 * <p>Concurrency: the maps are concurrent. {@link #add} and {@link #remove} run under the
 * snapshot's own lock, so the handle entry and the database's count change together and a
 * snapshot is counted at most once; the check that its tracking is still live is made under that
 * lock, and every end of tracking claims the state before it removes, so a removal never comes
 * before the addition it undoes.
 */
final class SnapshotIndex {

  private final Map<Long, TrackedSnapshot> byHandle = new ConcurrentHashMap<>();

  /**
   * Indexes {@code tracked} under its handle, unless its tracking has already ended.
   *
   * @return the snapshot that had this handle before, if any: its end went unseen
   */
  TrackedSnapshot add(TrackedSnapshot tracked) {
    synchronized (tracked) {
      if (!tracked.isLive()) {
        return null;
      }
      tracked.indexed = true;
      if (tracked.database != null) {
        tracked.database.tracked.incrementAndGet();
      }
      return byHandle.put(tracked.handle, tracked);
    }
  }

  /** Drops {@code tracked} from the handle index and its database's count; idempotent. */
  void remove(TrackedSnapshot tracked) {
    synchronized (tracked) {
      if (!tracked.indexed) {
        return;
      }
      tracked.indexed = false;
      byHandle.remove(tracked.handle, tracked);
      if (tracked.database != null) {
        tracked.database.tracked.decrementAndGet();
      }
    }
  }

  /** The snapshot that has native handle {@code handle} now, or null. */
  TrackedSnapshot byHandle(long handle) {
    return byHandle.get(handle);
  }

  /** The snapshots of {@code database} indexed now. */
  List<TrackedSnapshot> of(TrackedDatabase database) {
    List<TrackedSnapshot> found = new ArrayList<>();
    for (TrackedSnapshot tracked : byHandle.values()) {
      if (tracked.database == database) {
        found.add(tracked);
      }
    }
    return found;
  }

  /** How many snapshots are indexed. */
  int size() {
    return byHandle.size();
  }
}
