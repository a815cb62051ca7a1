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
  private volatile boolean open = true;

  public FakeDb(long handle) {
    this.handle = handle;
  }

  /** What the host's getSnapshot would return: a snapshot the database now holds. */
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
    if (!open) {
      throw new IllegalStateException("release on a closed database: a use-after-free in the real one");
    }
    live.remove(snapshot.getNativeHandle());
    nativeReleases.add(snapshot.getNativeHandle());
  }

  public void markClosed() {
    open = false;
    live.clear();
  }
}
