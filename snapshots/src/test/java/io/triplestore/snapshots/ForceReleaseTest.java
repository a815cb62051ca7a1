package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Operator releases: by id, by age, by owner, all with reason FORCED. */
class ForceReleaseTest extends RegistryTestBase {

  private SnapshotLease labelled(String label) {
    return registry.create(LeaseOptions.builder().noOwner().label(label).build());
  }

  @Test
  void forceReleaseById() throws Exception {
    SnapshotLease lease = registry.create();

    assertThat(registry.forceRelease(lease.id())).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(registry.forceRelease(lease.id())).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

    assertThat(lease.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(rocks.nativeSnapshotCount()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.FORCED)).isEqualTo(1);
  }

  @Test
  void forceReleaseOlderThanReleasesOnlyTheOldOnes() {
    SnapshotLease old1 = registry.create();
    SnapshotLease old2 = registry.create();
    ticker.advance(Duration.ofSeconds(61));
    SnapshotLease young = registry.create();
    ticker.advance(Duration.ofSeconds(30));

    assertThat(registry.forceReleaseOlderThan(Duration.ofMinutes(1))).isEqualTo(2);

    assertThat(old1.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(old2.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(young.isReleased()).isFalse();
    assertThat(registry.statistics().oldestAge()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void forceReleaseOlderThanRejectsANegativeAge() {
    registry.create();

    assertThatThrownBy(() -> registry.forceReleaseOlderThan(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
    assertThat(registry.count()).isEqualTo(1);
  }

  @Test
  void forceReleaseOwnerReleasesEveryLeaseWithThatLabel() {
    SnapshotLease a1 = labelled("batch-export");
    SnapshotLease b = labelled("reporting");
    SnapshotLease a2 = labelled("batch-export");

    assertThat(registry.forceReleaseOwner("batch-export")).isEqualTo(2);
    assertThat(registry.forceReleaseOwner("nobody")).isZero();

    assertThat(a1.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(a2.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(b.isReleased()).isFalse();
  }

  @Test
  void forceReleaseOwnerRejectsAnEmptyLabel() {
    assertThatThrownBy(() -> registry.forceReleaseOwner("")).isInstanceOf(IllegalArgumentException.class);
  }
}
