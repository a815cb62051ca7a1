package io.triplestore.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentOptionsTest {

  @Test
  void noOptionsMeanTheDefaults() {
    AgentOptions options = AgentOptions.parse(null);

    assertThat(options.describe()).isEqualTo(AgentOptions.parse("  ").describe());
    assertThat(options.ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.warnFraction()).isEqualTo(0.8);
    assertThat(options.stack()).hasToString("sample:128");
    assertThat(options.release()).isEqualTo(ReleaseMode.NEVER);
    assertThat(options.packagePrefix()).isEqualTo("org.rocksdb");
    assertThat(options.log()).isEqualTo("stderr");
    assertThat(options.tick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(options.grace()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void theGracePeriodFollowsTheTickUnlessTheTickIsNotShorterThanTheTtl() {
    assertThat(AgentOptions.parse("tick=100ms").grace()).isEqualTo(Duration.ofMillis(100));
    assertThat(AgentOptions.parse("ttl=1s,tick=1s").grace()).isZero();
    assertThat(AgentOptions.parse("grace=0").grace()).isZero();
    assertThat(AgentOptions.parse("grace=0").describe()).endsWith(",grace=0");
    assertThat(AgentOptions.parse("ttl=1m,grace=30s").grace()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void everyOptionIsRead() {
    AgentOptions options = AgentOptions.parse(
        "ttl=PT2S, warn=75%, stack=all, release=expired, package=org.forstdb, log=/tmp/agent.log, tick=100ms, grace=250ms");

    assertThat(options.ttl()).isEqualTo(Duration.ofSeconds(2));
    assertThat(options.warnFraction()).isEqualTo(0.75);
    assertThat(options.stack()).hasToString("all");
    assertThat(options.release()).isEqualTo(ReleaseMode.EXPIRED);
    assertThat(options.packagePrefix()).isEqualTo("org.forstdb");
    assertThat(options.log()).isEqualTo("/tmp/agent.log");
    assertThat(options.tick()).isEqualTo(Duration.ofMillis(100));
    assertThat(options.grace()).isEqualTo(Duration.ofMillis(250));
  }

  /** The registry's own grammar (snapshots' Settings), also in the daemon's configuration: days, blanks, percentages. */
  @Test
  void valuesFollowTheRegistrysSettingsGrammar() {
    AgentOptions options = AgentOptions.parse("ttl=1d,tick=5 m,warn=12.5 %");

    assertThat(options.ttl()).isEqualTo(Duration.ofDays(1));
    assertThat(options.tick()).isEqualTo(Duration.ofMinutes(5));
    assertThat(options.warnFraction()).isEqualTo(0.125);
    assertThat(options.describe()).startsWith("ttl=24h,warn=0.125,").endsWith(",tick=5m,grace=5m");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ttl=0                  | agent option ttl='0' is invalid: '0' is not a positive duration: ISO-8601 (PT2S)",
      "ttl=-5s                | agent option ttl='-5s' is invalid: '-5s' is not a positive duration",
      "ttl=soon               | agent option ttl='soon' is invalid: 'soon' is not a positive duration",
      "tick=PT0.0001S         | agent option tick='PT0.0001S' is invalid: must be at least 1ms",
      "warn=0                 | agent option warn='0' is invalid: '0' is not a fraction strictly between 0 and 1",
      "warn=100%              | agent option warn='100%' is invalid: '100%' is not a fraction strictly between 0 and 1",
      "warn=lots              | agent option warn='lots' is invalid: 'lots' is not a fraction",
      "stack=sample:0         | agent option stack='sample:0' is invalid: 'sample:0' is not a stack capture setting",
      "release=sometimes      | agent option release='sometimes' is invalid: 'sometimes' is not a release mode",
      "package=1rocks         | agent option package='1rocks' is invalid: expected a Java package name",
      "log=                   | agent option log='' is invalid: expected stderr or a file path",
      "ttl                    | agent option 'ttl' is not key=value",
      "ttl=1s,ttl=2s          | agent option 'ttl' is given twice",
      "verbose=true           | unknown agent option 'verbose' (known: ttl, warn, stack, release, package, log, tick, grace)",
      "grace=-1s              | agent option grace='-1s' is invalid: expected 0 or a positive duration such as 1s or 500ms",
      "grace=later            | agent option grace='later' is invalid: expected 0 or a positive duration such as 1s or 500ms",
      "ttl=1s,grace=1s        | agent option grace=1s must be shorter than the TTL (ttl=1s)",
  })
  void badOptionsAreRejectedNamingTheOptionAndValue(String text, String message) {
    assertThatIllegalArgumentException().isThrownBy(() -> AgentOptions.parse(text)).withMessageStartingWith(message);
  }
}
