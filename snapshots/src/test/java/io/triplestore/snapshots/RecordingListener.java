package io.triplestore.snapshots;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every listener call as a line such as {@code released 3 EXPIRED}. */
final class RecordingListener implements SnapshotListener {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void onCreated(SnapshotLease lease) {
    events.add("created " + lease.id());
  }

  @Override
  public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
    events.add("warning " + lease.id());
  }

  @Override
  public void onReleased(SnapshotLease lease, ReleaseReason reason) {
    events.add("released " + lease.id() + " " + reason);
  }

  @Override
  public void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {
    events.add("due " + lease.id() + " " + reason);
  }

  @Override
  public void onRegistryClosed(SnapshotRegistry registry) {
    events.add("closed " + registry.name());
  }
}
