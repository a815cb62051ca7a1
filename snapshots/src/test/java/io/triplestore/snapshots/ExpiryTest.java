package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deadlines: the warning at the fraction, expiry, renewal, and lateness bounded by one tick. */
class ExpiryTest extends RegistryTestBase {

  @Test
  void leaseIsReleasedWithReasonExpiredOnceItsTtlHasPassed() throws Exception {
    SnapshotLease lease = registry.create(Duration.ofSeconds(10));

    ticker.advance(Duration.ofSeconds(9));
    registry.cleanUp();
    assertThat(lease.isReleased()).isFalse();

    ticker.advance(Duration.ofSeconds(1));
    registry.cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
    assertThat(events.events).endsWith("released " + lease.id() + " EXPIRED");
  }

  @Test
  void warningIsEmittedAtEightyPercentOfTheTtl() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(10));

    ticker.advance(Duration.ofMillis(7_999));
    registry.cleanUp();
    assertThat(events.events).doesNotContain("warning " + lease.id());

    ticker.advance(Duration.ofMillis(1));
    registry.cleanUp();
    assertThat(events.events).containsOnlyOnce("warning " + lease.id());
    assertThat(lease.info().warned()).isTrue();
    assertThat(lease.isReleased()).isFalse();

    registry.cleanUp();
    assertThat(events.events).containsOnlyOnce("warning " + lease.id());
  }

  @Test
  void warningPrecedesExpiryEvenWhenBothFallDueInOneTick() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(2));

    ticker.advance(Duration.ofMinutes(1));
    registry.cleanUp();

    assertThat(events.events).containsExactly(
        "created " + lease.id(), "warning " + lease.id(), "released " + lease.id() + " EXPIRED");
    assertThat(registry.statistics().warningsEmitted()).isEqualTo(1);
  }

  @Test
  void expiryIsNeverMoreThanOneTickLate() {
    SnapshotLease lease = registry.create(Duration.ofMillis(10_300));

    // Maintenance runs once per one-second tick; the deadline falls between two runs.
    for (int second = 1; second <= 10; second++) {
      ticker.advance(Duration.ofSeconds(1));
      registry.cleanUp();
      assertThat(lease.isReleased()).as("released after %ds", second).isFalse();
    }
    ticker.advance(Duration.ofSeconds(1));
    registry.cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
  }

  @Test
  void ttlBeyondOneTurnOfTheWheelStillExpiresOnTime() {
    // The wheel has 4096 one-second slots; a two-hour lease shares a slot with earlier ticks.
    SnapshotLease lease = registry.create(Duration.ofHours(2));

    for (int i = 0; i < 7199; i++) {
      ticker.advance(Duration.ofSeconds(1));
      registry.cleanUp();
    }
    assertThat(lease.isReleased()).isFalse();
    ticker.advance(Duration.ofSeconds(1));
    registry.cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
  }

  @Test
  void renewRestartsTheClockAndTheWarning() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(9));
    registry.cleanUp();
    assertThat(lease.info().warned()).isTrue();

    LeaseInfo renewed = registry.renew(lease.id(), Duration.ofSeconds(20));

    assertThat(renewed.ttl()).isEqualTo(Duration.ofSeconds(20));
    assertThat(renewed.remaining()).isEqualTo(Duration.ofSeconds(20));
    assertThat(renewed.warned()).isFalse();
    ticker.advance(Duration.ofSeconds(15));
    registry.cleanUp();
    assertThat(lease.isReleased()).isFalse();
    assertThat(events.events).filteredOn(e -> e.equals("warning " + lease.id())).hasSize(1);
    ticker.advance(Duration.ofSeconds(1));
    registry.cleanUp();
    assertThat(events.events).filteredOn(e -> e.equals("warning " + lease.id())).hasSize(2);
    ticker.advance(Duration.ofSeconds(4));
    registry.cleanUp();
    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
  }

  @Test
  void renewOfAReleasedLeaseNamesTheReason() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(1));
    ticker.advance(Duration.ofSeconds(2));
    registry.cleanUp();

    assertThatThrownBy(() -> registry.renew(lease.id(), Duration.ofSeconds(5)))
        .isInstanceOf(SnapshotReleasedException.class).hasMessageContaining("EXPIRED");
    assertThatThrownBy(() -> lease.renew(Duration.ofSeconds(5)))
        .isInstanceOf(SnapshotReleasedException.class);
  }

  @Test
  void renewOfAnUnknownLeaseSaysUnknown() {
    assertThatThrownBy(() -> registry.renew(77, Duration.ofSeconds(5)))
        .isInstanceOf(UnknownLeaseException.class).hasMessageContaining("77");
  }

  @Test
  void renewRejectsANonPositiveTtl() {
    SnapshotLease lease = registry.create();

    assertThatThrownBy(() -> registry.renew(lease.id(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT0S");
    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aLeaseReleasedByHandIsNotWarnedOrExpiredLater() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(10));
    lease.close();

    ticker.advance(Duration.ofMinutes(1));
    registry.cleanUp();

    assertThat(events.events).containsExactly("created " + lease.id(), "released " + lease.id() + " MANUAL");
  }
}
