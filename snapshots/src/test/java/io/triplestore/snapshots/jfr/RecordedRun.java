package io.triplestore.snapshots.jfr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Runs an action under a JFR recording and returns the events one registry emitted. Other tests
 * share the JVM's recorder, so events are told apart by their {@code registry} field.
 */
final class RecordedRun {

  private RecordedRun() {}

  /** Records {@code action} with our events enabled as their classes declare. */
  static List<RecordedEvent> record(Path dir, String registry, ThrowingRunnable action) throws Exception {
    try (Recording recording = new Recording()) {
      for (String name : SnapshotJfrEvents.NAMES) {
        recording.enable(name);
      }
      // Emitted at the start and at the end of the recording, so a short recording always has it.
      recording.enable(SnapshotJfrEvents.REGISTRY_STATISTICS).with("period", "everyChunk");
      return run(recording, dir, registry, action);
    }
  }

  /** Records {@code action} with the settings of {@code configuration}. */
  static List<RecordedEvent> record(Path dir, String registry, Configuration configuration, ThrowingRunnable action)
      throws Exception {
    try (Recording recording = new Recording(configuration)) {
      return run(recording, dir, registry, action);
    }
  }

  /** Records {@code action}-less: starts and stops {@code recording} as configured by the caller. */
  static List<RecordedEvent> recordWith(Recording recording, Path dir, String registry) throws Exception {
    return run(recording, dir, registry, () -> { });
  }

  private static List<RecordedEvent> run(Recording recording, Path dir, String registry, ThrowingRunnable action)
      throws Exception {
    recording.start();
    action.run();
    recording.stop();
    Path file = Files.createTempFile(dir, "recording", ".jfr");
    recording.dump(file);
    return of(file, registry);
  }

  private static List<RecordedEvent> of(Path file, String registry) throws IOException {
    return RecordingFile.readAllEvents(file).stream()
        .filter(event -> event.getEventType().getName().startsWith("triplestore."))
        .filter(event -> registry.equals(event.getString("registry")))
        .collect(Collectors.toList());
  }

  static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
    return events.stream().filter(e -> e.getEventType().getName().equals(name)).collect(Collectors.toList());
  }

  /** An action that may throw. */
  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }
}
