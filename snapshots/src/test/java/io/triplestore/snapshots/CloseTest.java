package io.triplestore.snapshots;

import static io.triplestore.snapshots.RocksFixture.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** close() releases every lease with CLOSED, tells listeners, and is idempotent. */
class CloseTest extends RegistryTestBase {

  @Test
  void closeReleasesEveryLeaseWithReasonClosed() throws Exception {
    SnapshotLease a = registry.create();
    SnapshotLease b = registry.create();
    LeaseIterator it = b.iterator(null, IteratorOptions.none());

    registry.close();
    registry.close();

    assertThat(a.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(b.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(registry.isClosed()).isTrue();
    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
    assertThat(events.events).containsSubsequence(
        "released " + a.id() + " CLOSED", "released " + b.id() + " CLOSED", "closed test");
    assertThat(events.events).containsOnlyOnce("closed test");
    assertThatThrownBy(it::seekToFirst).isInstanceOf(SnapshotReleasedException.class).hasMessageContaining("CLOSED");
    assertThatThrownBy(() -> a.get(null, bytes("k"))).isInstanceOf(SnapshotReleasedException.class);
  }

  @Test
  void releasingAfterCloseIsHarmless() {
    SnapshotLease lease = registry.create();
    registry.close();

    lease.close();
    assertThat(registry.release(lease.id())).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);
    registry.cleanUp();
  }
}
