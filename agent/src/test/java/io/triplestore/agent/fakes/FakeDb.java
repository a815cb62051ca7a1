package io.triplestore.agent.fakes;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for {@code org.rocksdb.RocksDB} with the public methods the agent calls by name. Its
 * "native" snapshots are the handles it was told about and has not released.
 */
public class FakeDb {

  private final long handle;
  private final Set<Long> live = ConcurrentHashMap.newKeySet();
  /** Every native release, in order, by handle. */
  public final List<Long> nativeReleases = new CopyOnWriteArrayList<>();
  /** Releases of a handle the database did not hold: in the real one, a double free that aborts the JVM. */
  public final List<Long> releasesOfFreedSnapshots = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;
  /** Runs at the start of every native release, on the releasing thread: lets a test hold a release midway. */
  public volatile Runnable onNativeRelease = () -> { };

  public FakeDb(long handle) {
    this.handle = handle;
  }

  /**
   * What the host's getSnapshot would return: a snapshot the database now holds. A handle may be
   * given again once released, as the native allocator reuses a freed address.
   */
  public FakeSnapshot snapshot(long snapshotHandle) {
    live.add(snapshotHandle);
    return new FakeSnapshot(snapshotHandle);
  }

  public long getNativeHandle() {
    return handle;
  }

  public String getName() {
    return "/fake/db-" + handle;
  }

  public boolean isOwningHandle() {
    return open;
  }

  public long getLongProperty(String property) {
    if (!open) {
      throw new IllegalStateException("read of a closed database: a use-after-free in the real one");
    }
    return live.size();
  }

  public void releaseSnapshot(FakeSnapshot snapshot) {
    onNativeRelease.run();
    if (!open) {
      throw new IllegalStateException("release on a closed database: a use-after-free in the real one");
    }
    if (!live.remove(snapshot.getNativeHandle())) {
      releasesOfFreedSnapshots.add(snapshot.getNativeHandle());
    }
    nativeReleases.add(snapshot.getNativeHandle());
  }

  /** Whether the database holds the native snapshot {@code snapshotHandle} now. */
  public boolean holds(long snapshotHandle) {
    return live.contains(snapshotHandle);
  }

  public void markClosed() {
    open = false;
    live.clear();
  }
}
