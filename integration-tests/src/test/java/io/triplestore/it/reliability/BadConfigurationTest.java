package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The configuration part of the bad input catalogue: each bad value, from a flag, the
 * environment or a file, stops the start with exit code 2 and one line naming the key and the
 * value, before anything is created (the data directory does not appear).
 */
class BadConfigurationTest {

  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final Figures FIGURES = Figures.of("bad input catalogue (configuration)");

  @TempDir
  Path workDir;

  @AfterAll
  static void report() {
    FIGURES.put("badInputsTried", TRIED.get())
        .put("operations", TRIED.get()).put("losses", 0).print();
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        flag("http.port", "70000"),
        flag("http.port", "eighty"),
        flag("jolokia.port", "-1"),
        flag("http.host", "not a host!"),
        flag("http.max-batch-triples", "-3"),
        flag("http.max-threads", "0"),
        flag("jolokia.enabled", "maybe"),
        flag("snapshot.default-ttl", "forever"),
        flag("snapshot.max-ttl", "-1h"),
        flag("snapshot.warn-fraction", "1.5"),
        flag("snapshot.tick", "0"),
        flag("snapshot.max-leases", "0"),
        flag("snapshot.stack-capture", "sample:0"),
        flag("shutdown.timeout", "soon"),
        flag("jolokia.policy", "/nonexistent/jolokia-access.xml"),
        row("unknown key", "no.such.key", launch -> launch.flag("no.such.key", "1")),
        row("password without user", "jolokia.user", launch -> launch.flag("jolokia.password", "secret")),
        row("remote JMX without a password file", "jmx.password.file", launch -> launch.flag("jmx.port", "0")),
        row("environment TRIPLESTORE_HTTP_PORT=99999", "http.port",
            launch -> launch.withoutFlag("http.port").env("TRIPLESTORE_HTTP_PORT", "99999")),
        row("config file that does not exist", "/nonexistent/triplestored.properties",
            launch -> launch.argument("--config").argument("/nonexistent/triplestored.properties")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void badValueExitsWithCode2NamingTheKey(UnaryOperator<DaemonProcess.Launch> bad, String named) {
    Path dataDir = workDir.resolve("data");

    DaemonProcess.Exit exit = bad.apply(DaemonProcess.in(workDir)).runToExit(Duration.ofSeconds(60));
    TRIED.incrementAndGet();

    assertThat(exit.code()).as(exit.output()).isEqualTo(2);
    assertThat(exit.output()).contains(named);
    assertThat(exit.output().lines().filter(line -> !line.isBlank()).count()).as(exit.output()).isOne();
    assertThat(Files.exists(dataDir)).as("data directory created").isFalse();
  }

  private static Arguments flag(String key, String value) {
    return row("--" + key + "=" + value, key, launch -> launch.flag(key, value));
  }

  private static Arguments row(String name, String named, UnaryOperator<DaemonProcess.Launch> bad) {
    return Arguments.of(Named.of(name, bad), named);
  }
}
