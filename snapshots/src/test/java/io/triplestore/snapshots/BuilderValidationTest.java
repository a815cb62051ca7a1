package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Invalid settings fail fast, naming the value. */
class BuilderValidationTest {

  private final SnapshotSource<Object> source = new SnapshotSource<>() {
    @Override
    public Object take() {
      return new Object();
    }

    @Override
    public void release(Object snapshot) {}
  };

  @Test
  void zeroOrNegativeTtlsAreRejected() {
    assertThatThrownBy(() -> SnapshotRegistry.builder().defaultTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default TTL").hasMessageContaining("PT0S");
    assertThatThrownBy(() -> SnapshotRegistry.builder().maxTtl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max TTL").hasMessageContaining("PT-1S");
    assertThatThrownBy(() -> LeaseOptions.builder().ttl(Duration.ofMillis(-5)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-0.005S");
  }

  @Test
  void warnFractionMustLieStrictlyBetweenZeroAndOne() {
    for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> SnapshotRegistry.builder().warnFraction(bad))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(bad));
    }
  }

  @Test
  void defaultTtlAboveTheMaxIsRejected() {
    assertThatThrownBy(() -> SnapshotRegistry.builder().source(source)
        .defaultTtl(Duration.ofMinutes(10)).maxTtl(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT10M").hasMessageContaining("PT5M");
  }

  @Test
  void tickBelowOneMillisecondIsRejected() {
    assertThatThrownBy(() -> SnapshotRegistry.builder().tick(Duration.ofNanos(10)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tick");
  }

  @Test
  void aSourceIsRequired() {
    assertThatThrownBy(() -> SnapshotRegistry.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("source");
  }

  @Test
  void otherBoundsAreChecked() {
    assertThatThrownBy(() -> SnapshotRegistry.builder().maxLeases(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> SnapshotRegistry.builder().name(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> StackCapture.sampled(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0");
    assertThatThrownBy(() -> StackCapture.parse("sometimes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sometimes");
  }
}
