package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A registry that stamps creation and release from the last maintenance tick (what the default
 * ticker and scheduler get, forced here on a manual ticker): stamps are up to one tick early, and
 * the deadline's slack keeps that from ever shortening a lease.
 */
class TickStampsTest extends RegistryTestBase {

  @Override
  SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
    return super.configure(builder).stampsFromTick(true);
  }

  @Test
  void creationIsStampedWithTheLastTicksReading() {
    registry.cleanUp();
    ticker.advance(Duration.ofMillis(400));

    SnapshotLease lease = registry.create();

    assertThat(lease.info().age()).isEqualTo(Duration.ofMillis(400));
    lease.close();
  }

  @Test
  void aLeaseCreatedBetweenTicksIsNeverExpiredBeforeItsTtl() {
    registry.cleanUp();
    ticker.advance(Duration.ofMillis(900));
    SnapshotLease lease = registry.create(Duration.ofSeconds(10)); // stamped 0.0 s, created at 0.9 s

    for (int second = 1; second <= 9; second++) {
      ticker.advance(Duration.ofSeconds(1));
      registry.cleanUp();
    }
    ticker.advance(Duration.ofMillis(950)); // 10.85 s: 9.95 s after the create
    registry.cleanUp();
    assertThat(lease.isReleased()).as("released 9.95 s into a 10 s TTL").isFalse();

    ticker.advance(Duration.ofSeconds(1)); // 11.85 s: at most two ticks late
    registry.cleanUp();
    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
  }

  @Test
  void aReleaseIsStampedFromTheTickToo() {
    registry.cleanUp();
    SnapshotLease lease = registry.create();
    ticker.advance(Duration.ofMillis(700));

    lease.close();

    assertThat(lease.age()).isEqualTo(Duration.ZERO);
  }
}
