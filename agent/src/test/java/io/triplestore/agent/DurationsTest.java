package io.triplestore.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({"PT2S,2000", "pt1m30s,90000", "500ms,500", "2s,2000", "5m,300000", "1h,3600000", "250,250", "P1D,86400000"})
  void acceptsIsoShortFormsAndBareMillis(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "2 s", "1.5s", "5d", "PTxS", "ms"})
  void rejectsAnythingElseSayingWhatIsAccepted(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
        .withMessage("'" + text + "' is not a duration: use ISO-8601 (PT2S) or a number with ms, s, m or h"
            + " (500ms, 2s, 5m, 1h); a bare number is milliseconds");
  }
}
