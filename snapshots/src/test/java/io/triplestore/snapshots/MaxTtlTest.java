package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A registry with a max TTL and a lease limit refuses what is beyond them and changes nothing. */
class MaxTtlTest extends RegistryTestBase {

  @Override
  SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
    return super.configure(builder).defaultTtl(Duration.ofMinutes(1)).maxTtl(Duration.ofMinutes(10)).maxLeases(2);
  }

  @Test
  void createAboveTheMaxTtlFailsNamingBothValues() throws Exception {
    assertThatThrownBy(() -> registry.create(Duration.ofMinutes(11)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT11M").hasMessageContaining("PT10M");
    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }

  @Test
  void renewAboveTheMaxTtlFailsAndKeepsTheOldDeadline() {
    SnapshotLease lease = registry.create();

    assertThatThrownBy(() -> lease.renew(Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void createBeyondTheLeaseLimitFailsAndReleasesTheSnapshotItTook() throws Exception {
    registry.create();
    registry.create();

    assertThatThrownBy(() -> registry.create()).isInstanceOf(LeaseLimitExceededException.class)
        .hasMessageContaining("2");
    assertThat(registry.count()).isEqualTo(2);
    assertThat(rocks.nativeSnapshotCount()).isEqualTo(2);
  }
}
