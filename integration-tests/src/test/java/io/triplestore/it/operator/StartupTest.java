package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import io.triplestore.it.support.SignalDisposition;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the shipped daemon starts, presents itself and stops, as an operator meets it. */
class StartupTest {

  @TempDir Path dir;

  @Test
  void versionPrintsTheVersionAndExitsZero() {
    DaemonProcess.Exit exit = DaemonProcess.in(dir).argument("--version").runToExit(Duration.ofMinutes(1));

    assertThat(exit.code()).as(exit.output()).isZero();
    assertThat(exit.output().strip()).isEqualTo("triplestored " + System.getProperty("triplestore.version"));
  }

  @Test
  void aPortInUseIsOneLineNamingTheKeyExitTwoAndCreatesNothing() throws IOException {
    Path data = dir.resolve("never-created");
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      DaemonProcess.Exit exit = DaemonProcess.in(dir).flag("data.dir", data.toString())
          .flag("http.port", Integer.toString(port)).runToExit(Duration.ofMinutes(1));

      assertThat(exit.code()).as(exit.output()).isEqualTo(2);
      assertThat(exit.output().strip()).isEqualTo("triplestored: http.port = " + port + ": 127.0.0.1:" + port
          + " is already in use (another triplestored?); choose another port or stop what holds it");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void withoutAHeapLimitInJavaOptsTheHeapIsCappedAtOneGibAndJcmdShowsTheDataDirectory() throws Exception {
    Path data = dir.resolve("data-from-env");
    try (DaemonProcess daemon = DaemonProcess.in(dir).withoutFlag("data.dir")
        .env("TRIPLESTORE_DATA_DIR", data.toString())
        .env("JAVA_OPTS", "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"))
        .start()) {
      JolokiaClient jolokia = new JolokiaClient(daemon.jolokia(), null, null);

      long max = jolokia.read("java.lang:type=Memory", "HeapMemoryUsage").value().get("max").asLong();

      assertThat(max).isEqualTo(1L << 30);
      Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), "-l")
          .redirectErrorStream(true).start();
      String listed = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      jcmd.waitFor();
      assertThat(listed.lines().filter(line -> line.startsWith(daemon.pid() + " ")))
          .singleElement().asString().contains("io.triplestore.daemon.Main", "--data.dir=" + data);
    }
  }

  @Test
  void sigintStopsLikeSigtermReleasingEveryLeaseAndExits130() throws Exception {
    assumeFalse(SignalDisposition.ignoredHere(2),
        "skipped: this JVM was started with SIGINT ignored, so the daemon it starts inherits that");
    try (DaemonProcess daemon = DaemonProcess.in(dir).start()) {
      long lease = new ApiClient(daemon.http()).createLease("10m", "interrupted");

      int exit = daemon.signal("INT", Duration.ofSeconds(60));

      assertThat(exit).as(daemon.output()).isEqualTo(130);
      assertThat(daemon.output()).contains("lease " + lease + " of interrupted released: CLOSED", "triplestored stopped in");
      assertThat(Files.list(dir).filter(file -> file.getFileName().toString().startsWith("hs_err"))).isEmpty();
    }
  }
}
