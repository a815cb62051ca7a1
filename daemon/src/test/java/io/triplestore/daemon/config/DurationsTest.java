package io.triplestore.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @Test
  void readsIsoAndUnitsAndBareMillis() {
    assertThat(Durations.parse("PT2S")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse(" 250 ")).isEqualTo(Duration.ofMillis(250));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0", "0s", "PT0S", "-5s", "PT-1S", "5x", "s", "1.5s", "99999999999999999999", "P"})
  void rejectsWhatIsNotAPositiveDurationNamingTheText(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
        .withMessageContaining("'" + text + "'")
        .withMessageContaining("ISO-8601");
  }

  @Test
  void formatsInTheLargestExactUnitAndReadsBack() {
    for (Duration duration : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofMinutes(5),
        Duration.ofHours(3)}) {
      assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
    assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
  }
}
