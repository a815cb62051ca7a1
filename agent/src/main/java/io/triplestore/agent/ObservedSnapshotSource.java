package io.triplestore.agent;

import io.triplestore.snapshots.SnapshotSource;
import java.util.OptionalLong;

/**
 * The registry's view of the host's snapshots: it never takes one (the host does), releases one
 * only through the tracker's rules, and reads the databases' own counts so that operators see
 * snapshots the agent could not track.
 */
final class ObservedSnapshotSource implements SnapshotSource<TrackedSnapshot> {

  private final RocksAccess access;
  private SnapshotTracker tracker;

  ObservedSnapshotSource(RocksAccess access) {
    this.access = access;
  }

  void connect(SnapshotTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public TrackedSnapshot take() {
    throw new UnsupportedOperationException("the agent observes the application's snapshots; it never takes one");
  }

  @Override
  public void release(TrackedSnapshot snapshot) {
    tracker.releaseForRegistry(snapshot);
  }

  /** The sum of {@code rocksdb.num-snapshots} over the open databases the agent has seen. */
  @Override
  public OptionalLong nativeSnapshotCount() {
    long sum = 0;
    boolean any = false;
    for (TrackedDatabase database : tracker.openDatabases()) {
      OptionalLong count = database.nativeSnapshotCount(access);
      if (count.isPresent()) {
        sum += count.getAsLong();
        any = true;
      }
    }
    return any ? OptionalLong.of(sum) : OptionalLong.empty();
  }

  /** The oldest {@code rocksdb.oldest-snapshot-time} over those databases; 0 when none holds one. */
  @Override
  public OptionalLong oldestNativeSnapshotTime() {
    long oldest = 0;
    boolean any = false;
    for (TrackedDatabase database : tracker.openDatabases()) {
      OptionalLong time = database.oldestSnapshotTime(access);
      if (time.isPresent()) {
        any = true;
        long t = time.getAsLong();
        if (t > 0 && (oldest == 0 || t < oldest)) {
          oldest = t;
        }
      }
    }
    return any ? OptionalLong.of(oldest) : OptionalLong.empty();
  }
}
