package io.triplestore.snapshots.testkit;

import io.triplestore.snapshots.SnapshotSource;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Snapshots as plain objects, with a database-wide snapshot count that can include snapshots held
 * outside the registry ({@link #holdOutside(int)}) and a settable oldest-snapshot time.
 */
public final class InMemorySnapshotSource implements SnapshotSource<Long> {

  private final AtomicLong nextSnapshot = new AtomicLong(1);
  private final Set<Long> live = ConcurrentHashMap.newKeySet();
  private final boolean knowsNativeCount;
  private volatile int heldOutside;
  private volatile long oldestSnapshotTime;

  private InMemorySnapshotSource(boolean knowsNativeCount) {
    this.knowsNativeCount = knowsNativeCount;
  }

  /** A source that reports its snapshot count, like RocksDB. */
  public static InMemorySnapshotSource counting() {
    return new InMemorySnapshotSource(true);
  }

  /** A source that cannot tell how many snapshots the database holds. */
  public static InMemorySnapshotSource blind() {
    return new InMemorySnapshotSource(false);
  }

  @Override
  public Long take() {
    long snapshot = nextSnapshot.getAndIncrement();
    live.add(snapshot);
    return snapshot;
  }

  @Override
  public void release(Long snapshot) {
    if (!live.remove(snapshot)) {
      throw new AssertionError("snapshot " + snapshot + " released twice or never taken");
    }
  }

  /** Pretends someone holds {@code count} snapshots of the database without the registry. */
  public void holdOutside(int count) {
    heldOutside = count;
  }

  public void oldestSnapshotTime(long unixSeconds) {
    oldestSnapshotTime = unixSeconds;
  }

  public int liveSnapshots() {
    return live.size();
  }

  @Override
  public OptionalLong nativeSnapshotCount() {
    return knowsNativeCount ? OptionalLong.of(live.size() + heldOutside) : OptionalLong.empty();
  }

  @Override
  public OptionalLong oldestNativeSnapshotTime() {
    return knowsNativeCount ? OptionalLong.of(oldestSnapshotTime) : OptionalLong.empty();
  }
}
