package io.triplestore.it.daemon;

import static io.triplestore.it.daemon.Json.body;
import static io.triplestore.it.daemon.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and refusing to start: the process as systemd and operators see it. */
class DaemonLifecycleTest {

  /** What the JVM exits with after SIGTERM once its shutdown hooks have run (128 + 15). */
  static final int EXIT_AFTER_SIGTERM = 143;

  @TempDir
  Path work;

  @Test
  void sigtermReleasesLeasesStopsWithin10SecondsAndTheNextStartSeesTheData() throws Exception {
    Path data = work.resolve("data");
    String triples = DaemonApiTest.lines("kept", 0, 3);
    long lease;
    try (DaemonProcess first = DaemonProcess.start(work, List.of("--data.dir=" + data), Map.of())) {
      body(first.send("POST", "/triples", triples), 200);
      lease = id(first.send("POST", "/snapshots?owner=held-at-stop", null));

      assertThat(first.terminate(Duration.ofSeconds(10))).isEqualTo(EXIT_AFTER_SIGTERM);
      String output = first.output();
      assertThat(output).contains("lease " + lease + " of held-at-stop released: CLOSED");
      assertThat(output.strip().lines().reduce((a, b) -> b).orElseThrow()).contains("triplestored stopped");
    }
    try (DaemonProcess second = DaemonProcess.start(work, List.of("--data.dir=" + data), Map.of())) {
      assertThat(second.send("GET", "/triples", null).body().lines().sorted().collect(Collectors.toList()))
          .isEqualTo(triples.lines().sorted().collect(Collectors.toList()));
      assertThat(second.send("GET", "/snapshots/" + lease, null).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aSecondDaemonOnTheSameDataDirectoryExits2WithAClearMessage() throws Exception {
    Path data = work.resolve("data");
    try (DaemonProcess first = DaemonProcess.start(work, List.of("--data.dir=" + data), Map.of())) {
      DaemonProcess.Finished second = DaemonProcess.run(work,
          List.of("--data.dir=" + data, "--http.port=0", "--jolokia.port=0"));
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.output()).contains("is in use by another process").contains("LOCK");
      assertThat(first.isAlive()).isTrue();
    }
  }

  @Test
  void anInvalidValueExits2WithOneLineNamingTheKey() throws Exception {
    DaemonProcess.Finished flag = DaemonProcess.run(work, List.of("--snapshot.tick=soon"));
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.output().strip()).doesNotContain("\n")
        .contains("snapshot.tick = 'soon' (from flag --snapshot.tick)").contains("ISO-8601");

    DaemonProcess.Finished unknown = DaemonProcess.run(work, List.of("--http.prot=80"));
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.output()).contains("unknown option --http.prot");
  }

  @Test
  void helpListsEveryKeyWithItsEnvironmentVariable() throws Exception {
    DaemonProcess.Finished help = DaemonProcess.run(work, List.of("--help"));
    assertThat(help.exitCode()).isZero();
    assertThat(help.output()).contains("--data.dir").contains("TRIPLESTORE_HTTP_PORT").contains("--snapshot.max-leases");
  }

  @Test
  void importStartsNoListenerSoListenerSettingsThatStopTheDaemonDoNotStopIt() throws Exception {
    // The container image binds Jolokia to 0.0.0.0; `docker run <image> import f.nt` must work
    // without Jolokia credentials, because import starts no Jolokia.
    Path file = work.resolve("listener-settings.nt");
    Files.writeString(file, "<http://ex/s> <http://ex/p> \"o\" .\n");
    List<String> exposedJolokia = List.of("--jolokia.host=0.0.0.0", "--data.dir=" + work.resolve("listener-settings"));

    DaemonProcess.Finished imported = DaemonProcess.run(work,
        Stream.concat(Stream.of("import", file.toString()), exposedJolokia.stream()).toList());
    DaemonProcess.Finished served = DaemonProcess.run(work, exposedJolokia);

    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.output()).contains("imported 1 triples (1 new, 0 already present)");
    assertThat(served.exitCode()).as(served.output()).isEqualTo(2);
    assertThat(served.output()).contains("jolokia.host = 0.0.0.0 is not a loopback address");
  }

  @Test
  void importLoadsAFileThatTheDaemonThenServes() throws Exception {
    Path file = work.resolve("input.nt");
    Files.writeString(file, IntStream.range(0, 2500)
        .mapToObj(i -> "<http://ex/imported/" + i + "> <http://ex/p> \"" + i + "\" .\n").collect(Collectors.joining()));
    Path data = work.resolve("imported");
    DaemonProcess.Finished imported = DaemonProcess.run(work, List.of("import", file.toString(), "--data.dir=" + data));
    assertThat(imported.exitCode()).as(imported.output()).isZero();
    assertThat(imported.output()).contains("imported 2500 triples (2500 new, 0 already present)").contains("triples/s");

    try (DaemonProcess daemon = DaemonProcess.start(work, List.of("--data.dir=" + data), Map.of())) {
      assertThat(body(daemon.send("GET", "/health", null), 200)).containsEntry("triples", 2500);
    }
  }
}
