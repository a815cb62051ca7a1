package io.triplestore.snapshots.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that never records pays nothing for the events: until the Flight Recorder starts, a
 * registry does not even load the event classes (the JDK sets up its JFR metadata, about 150 ms,
 * on the first one). A recording started later, as {@code jcmd JFR.start} does, still gets every
 * event, the periodic statistics included. The test JVM's recorder is long started by other
 * tests, so this runs in a child JVM that logs the classes it loads.
 */
class JfrStartsLaterTest {

  /** Loaded when the JDK sets up JFR event metadata. */
  private static final String METADATA_REPOSITORY = " jdk.jfr.internal.MetadataRepository ";
  private static final String LEASES_USED = "leases created and released";

  @TempDir Path dir;

  @Test
  void leasesCostNoJfrSetupUntilARecordingStartsAndThenEveryEventArrives() throws Exception {
    List<String> output = runChildJvm();

    int leasesUsed = output.indexOf(LEASES_USED);
    assertThat(leasesUsed).as("the child used leases").isPositive();
    assertThat(output.subList(0, leasesUsed)).as("classes loaded before any recording")
        .noneMatch(line -> line.contains(METADATA_REPOSITORY));
    assertThat(output).contains(
        "recorded " + SnapshotJfrEvents.CREATED + " 1",
        "recorded " + SnapshotJfrEvents.RELEASED + " 1",
        // Periodic "everyChunk": once as the recording starts, once as it stops.
        "recorded " + SnapshotJfrEvents.REGISTRY_STATISTICS + " 2");
  }

  private List<String> runChildJvm() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(java.toString(), "-Xlog:class+load=info:stdout",
        "-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(), dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = child.waitFor(2, TimeUnit.MINUTES);
    if (!finished) {
      child.destroyForcibly();
    }
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertThat(finished).as("child JVM finished").isTrue();
    assertThat(child.exitValue()).as(String.join("\n", output)).isZero();
    return output;
  }

  /** Runs in the child JVM: leases with no recording, then a recording, then counts what arrived. */
  static final class ChildJvm {
    public static void main(String[] args) throws IOException {
      try (SnapshotRegistry registry = SnapshotRegistry.builder().name("late")
          .source(InMemorySnapshotSource.counting()).scheduler(Scheduler.manual()).build()) {
        registry.create().close();
        System.out.println(LEASES_USED);
        Path file = Files.createTempFile(Path.of(args[0]), "late", ".jfr");
        try (Recording recording = new Recording()) {
          SnapshotJfrEvents.NAMES.forEach(recording::enable);
          recording.enable(SnapshotJfrEvents.REGISTRY_STATISTICS).with("period", "everyChunk");
          recording.start();
          registry.create().close();
          recording.stop();
          recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        for (String name : SnapshotJfrEvents.NAMES) {
          long count = events.stream()
              .filter(event -> event.getEventType().getName().equals(name))
              .filter(event -> "late".equals(event.getString("registry")))
              .count();
          System.out.println("recorded " + name + " " + count);
        }
      }
    }
  }
}
