package io.triplestore.daemon.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginLogTest {

  private final AtomicLong clock = new AtomicLong();
  private final List<String> lines = new ArrayList<>();
  private final FailedLoginLog log = new FailedLoginLog("Jolokia", clock::get, lines::add);

  private void advance(Duration duration) {
    clock.addAndGet(duration.toNanos());
  }

  @Test
  void logsTheFirstFailureOfAnAddressThenAtMostOneAMinuteWithWhatItLeftOut() {
    log.failed("mallory", "10.0.0.9");
    advance(Duration.ofSeconds(59));
    log.failed("mallory", "10.0.0.9");
    log.failed("eve", "10.0.0.9");
    advance(Duration.ofSeconds(1));
    log.failed("mallory", "10.0.0.9");

    assertThat(lines).containsExactly(
        "Jolokia login failed for user 'mallory' from 10.0.0.9 (at most one such line per address per minute)",
        "Jolokia login failed for user 'mallory' from 10.0.0.9 (and 2 more from there before, not logged)"
            + " (at most one such line per address per minute)");
  }

  @Test
  void eachAddressHasItsOwnWindow() {
    log.failed("a", "10.0.0.1");
    log.failed("b", "10.0.0.2");
    log.failed(null, "10.0.0.1");

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).startsWith("Jolokia login failed for user 'b' from 10.0.0.2");
  }

  @Test
  void aClaimedUserCannotBreakTheLogLine() {
    log.failed("evil\nINFO forged line", "10.0.0.3");
    log.failed(null, "10.0.0.4");

    assertThat(lines.get(0)).startsWith("Jolokia login failed for user 'evil?INFO forged line' from 10.0.0.3")
        .doesNotContain("\n");
    assertThat(lines.get(1)).startsWith("Jolokia login failed for no user from 10.0.0.4");
  }
}
