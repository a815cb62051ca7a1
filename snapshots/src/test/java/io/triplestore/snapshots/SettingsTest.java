package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one grammar of durations, fractions and stack capture, and its one set of messages. */
class SettingsTest {

  @ParameterizedTest(name = "''{0}'' is {1} ms")
  @CsvSource(delimiter = '|', value = {
      "PT2S        | 2000",
      "pt1m30s     | 90000",
      "PT0.5S      | 500",
      "P1D         | 86400000",
      "p1dt1h      | 90000000",
      "500ms       | 500",
      "2s          | 2000",
      "5m          | 300000",
      "1h          | 3600000",
      "1d          | 86400000",
      "5 m         | 300000",
      "2S          | 2000",
      "250         | 250",
      "'  250  '   | 250",
      "007s        | 7000",
  })
  void everyDurationFormIsRead(String text, long millis) {
    assertThat(Settings.duration(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"0", "0s", "PT0S", "-5s", "PT-1S", "-PT1S", "5x", "s", "ms", "1.5s", "1,5s", "5 m s",
      "1e3", "soon", "P", "PT", "PTxS", "99999999999999999999", "9999999999999999d", "1s 2s"})
  void everyOtherTextIsRejectedNamingItAndTheSyntax(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Settings.duration(text))
        .withMessage("'" + text + "' is not a positive duration: ISO-8601 (PT2S) or a number with ms, s, m, h or d"
            + " (500ms, 2s, 5m, 1h, 1d); a bare number is milliseconds");
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(delimiter = '|', value = {
      "0.8     | 0.8",
      ".5      | 0.5",
      "0.001   | 0.001",
      "80%     | 0.8",
      "12.5 %  | 0.125",
      "1%      | 0.01",
      "99.9%   | 0.999",
      "' 0.25 '| 0.25",
  })
  void everyFractionFormIsRead(String text, double fraction) {
    assertThat(Settings.fraction(text)).isCloseTo(fraction, within(1e-12));
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"0", "1", "1.0", "1.5", "0%", "100%", "150%", "-0.5", "-5%", "NaN", "Infinity", "1e-1",
      "0x1p-1", "0.5d", "0.5f", "%", "80%%", "lots", "0,8", "0.8.1", "."})
  void everyOtherFractionIsRejectedNamingItAndTheSyntax(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Settings.fraction(text))
        .withMessage("'" + text + "' is not a fraction strictly between 0 and 1 (0.8) or a percentage strictly"
            + " between 0% and 100% (80%)");
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(delimiter = '|', value = {"off | off", "OFF | off", "all | all", "' all ' | all", "sample:128 | sample:128",
      "sampled:4 | sample:4", "sample:1 | all"})
  void everyStackCaptureFormIsRead(String text, String policy) {
    assertThat(StackCapture.parse(text)).hasToString(policy);
  }

  @ParameterizedTest(name = "''{0}''")
  @NullAndEmptySource
  @ValueSource(strings = {"sometimes", "sample:0", "sample:-1", "sample:", "sample:x", "sample", "sample:99999999999",
      ":5", "on"})
  void everyOtherStackCaptureIsRejectedNamingItAndTheSyntax(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> StackCapture.parse(text))
        .withMessage("'" + text + "' is not a stack capture setting: off, all or sample:N with N >= 1");
  }

  @Test
  void aFormattedDurationReadsBackAsItself() {
    for (Duration duration : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(2), Duration.ofMinutes(5),
        Duration.ofHours(1), Duration.ofDays(2), Duration.ofMillis(61_000)}) {
      assertThat(Settings.duration(Settings.format(duration))).isEqualTo(duration);
    }
    assertThat(Settings.format(Duration.ofMinutes(5))).isEqualTo("5m");
    assertThat(Settings.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(Settings.format(Duration.ofDays(1))).isEqualTo("24h");
    assertThat(Settings.format(Duration.ZERO)).isEqualTo("0ms");
  }

  @Test
  void theRegistryDefaultsAreTheSettingsDefaults() {
    SnapshotRegistryBuilder builder = SnapshotRegistry.builder();

    assertThat(builder.defaultTtl).isEqualTo(Settings.DEFAULT_TTL).isEqualTo(Duration.ofMinutes(5));
    assertThat(builder.warnFraction).isEqualTo(Settings.DEFAULT_WARN_FRACTION).isEqualTo(0.8);
    assertThat(builder.tick).isEqualTo(Settings.DEFAULT_TICK).isEqualTo(Duration.ofSeconds(1));
  }
}
