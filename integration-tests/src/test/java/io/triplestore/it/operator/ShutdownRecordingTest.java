package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.SignalDisposition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A recording started at launch ({@code -XX:StartFlightRecording}, dumped on exit) holds the
 * {@code CLOSED} releases of the shutdown: the daemon closes the registry before the JVM's
 * shutdown hooks, among them JFR's dump, run.
 */
class ShutdownRecordingTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"TERM, 143", "INT, 130"})
  void theClosedReleasesOfAStopAreInTheRecordingStartedAtLaunch(String signal, int exitCode) throws Exception {
    assumeFalse(signal.equals("INT") && SignalDisposition.ignoredHere(2),
        "skipped: this JVM was started with SIGINT ignored, so the daemon it starts inherits that");
    Path recording = dir.resolve("launch.jfr");
    Path profile = DaemonProcess.distribution().resolve("jfr/snapshots.jfc");
    try (DaemonProcess daemon = DaemonProcess.in(dir.resolve("daemon"))
        .env("JAVA_OPTS", "-Xmx256m -XX:StartFlightRecording:settings=" + profile + ",dumponexit=true,filename=" + recording)
        .start()) {
      ApiClient api = new ApiClient(daemon.http());
      long first = api.createLease("10m", "held-at-stop");
      long second = api.createLease("10m", "held-at-stop");

      assertThat(daemon.signal(signal, Duration.ofSeconds(60))).as(daemon.output()).isEqualTo(exitCode);

      List<RecordedEvent> closed = RecordingFile.readAllEvents(recording).stream()
          .filter(event -> event.getEventType().getName().equals("triplestore.SnapshotReleased"))
          .filter(event -> "CLOSED".equals(event.getString("reason")))
          .toList();
      assertThat(closed).extracting(event -> event.getLong("leaseId")).containsExactlyInAnyOrder(first, second);
      assertThat(closed).allSatisfy(event -> assertThat(event.getString("owner")).isEqualTo("held-at-stop"));
    }
  }
}
