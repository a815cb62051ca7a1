package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HumanDurationTest {

  @Test
  void eachRangeShowsTwoUnitsAtMost() {
    assertThat(HumanDuration.format(Duration.ZERO)).isEqualTo("0ms");
    assertThat(HumanDuration.format(Duration.ofMillis(999))).isEqualTo("999ms");
    assertThat(HumanDuration.format(Duration.ofMillis(1_000))).isEqualTo("1.0s");
    assertThat(HumanDuration.format(Duration.ofMillis(59_195))).isEqualTo("59.1s");
    assertThat(HumanDuration.format(Duration.ofSeconds(60))).isEqualTo("1m 00s");
    assertThat(HumanDuration.format(Duration.ofSeconds(3_599))).isEqualTo("59m 59s");
    assertThat(HumanDuration.format(Duration.ofMinutes(65))).isEqualTo("1h 05m");
    assertThat(HumanDuration.format(Duration.ofHours(51))).isEqualTo("2d 03h");
  }

  @Test
  void overdueReadsNegative() {
    assertThat(HumanDuration.format(Duration.ofMillis(-2_500))).isEqualTo("-2.5s");
  }
}
