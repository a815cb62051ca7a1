package io.triplestore.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The snapshots the host holds as the tracker knows them: by native handle (what the host's calls
 * carry) and by lease id (what the registry's events carry), with each database's count of them.
 *
 * <p>A snapshot is indexed only once its lease exists, and only while its tracking is live: a
 * lease the registry ended before the tracker could index it (an operator's force-release racing
 * the host's {@code getSnapshot}) leaves nothing behind. The lease entry outlives the handle entry
 * until the registry reports the release, so that the report can describe the snapshot.
 *
 * <p>Concurrency: the maps are concurrent. {@link #add} and {@link #remove} run under the
 * snapshot's own lock, so the handle entry and the database's count change together and a
 * snapshot is counted at most once; the check that its tracking is still live is made under that
 * lock, and every end of tracking claims the state before it removes, so a removal never comes
 * before the addition it undoes.
 */
final class SnapshotIndex {

  private final Map<Long, TrackedSnapshot> byHandle = new ConcurrentHashMap<>();
  private final Map<Long, TrackedSnapshot> byLease = new ConcurrentHashMap<>();

  /**
   * Indexes {@code tracked} under its handle and lease id, unless its tracking has already ended.
   *
   * @return the snapshot that had this handle before, if any: its end went unseen
   */
  TrackedSnapshot add(TrackedSnapshot tracked) {
    synchronized (tracked) {
      if (!tracked.isLive()) {
        return null;
      }
      tracked.indexed = true;
      byLease.put(tracked.leaseId, tracked);
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

  /** The snapshot of lease {@code id}, or null. */
  TrackedSnapshot byLease(long id) {
    return byLease.get(id);
  }

  /** Forgets lease {@code id} (the registry has released it); the snapshot it had, or null. */
  TrackedSnapshot leaseReleased(long id) {
    return byLease.remove(id);
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

  /** How many leases are indexed. */
  int leases() {
    return byLease.size();
  }
}
