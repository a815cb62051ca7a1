package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A listener that throws is logged; the others still run and the registry carries on. */
class ListenerIsolationTest extends RegistryTestBase {

  private final RecordingListener after = new RecordingListener();

  @Override
  SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
    SnapshotListener throwing = new SnapshotListener() {
      @Override
      public void onCreated(SnapshotLease lease) {
        throw new IllegalStateException("listener bug in onCreated");
      }

      @Override
      public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
        throw new AssertionError("listener bug in onExpiryWarning");
      }

      @Override
      public void onReleased(SnapshotLease lease, ReleaseReason reason) {
        throw new IllegalStateException("listener bug in onReleased");
      }
    };
    return super.configure(builder).listener(throwing).listener(after);
  }

  @Test
  void otherListenersStillRunWhenOneThrows() throws Exception {
    SnapshotLease manual = registry.create();
    manual.close();
    SnapshotLease expiring = registry.create(Duration.ofSeconds(1));
    ticker.advance(Duration.ofSeconds(2));
    registry.cleanUp();

    assertThat(after.events).containsExactly(
        "created " + manual.id(), "released " + manual.id() + " MANUAL",
        "created " + expiring.id(), "warning " + expiring.id(), "released " + expiring.id() + " EXPIRED");
    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }

  @Test
  void listenersCanBeAddedAndRemovedLater() {
    RecordingListener late = new RecordingListener();
    registry.addListener(late);
    SnapshotLease lease = registry.create();
    registry.removeListener(late);
    lease.close();

    assertThat(late.events).containsExactly("created " + lease.id());
  }
}
