package io.triplestore.snapshots.jfr;

import static io.triplestore.snapshots.jfr.RecordedRun.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The .jfc files in {@code jfr-profiles/}: they parse, and they match the event classes. */
class JfrProfilesTest {

  private static final Path PROFILES = Path.of(System.getProperty("triplestore.jfrProfiles", "../jfr-profiles"));

  @TempDir Path dir;

  private static Configuration profile(String file) throws Exception {
    return Configuration.create(PROFILES.resolve(file));
  }

  /** The event names a profile has settings for, triplestore's only. */
  private static Set<String> triplestoreEvents(Configuration configuration) {
    return configuration.getSettings().keySet().stream()
        .map(key -> key.substring(0, key.indexOf('#')))
        .filter(event -> event.startsWith("triplestore."))
        .collect(Collectors.toSet());
  }

  @Test
  void theDirectoryHoldsExactlyTheThreeProfiles() throws Exception {
    try (var files = Files.list(PROFILES)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".jfc")))
          .containsExactlyInAnyOrder("snapshots.jfc", "production.jfc", "leak-hunt.jfc");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"snapshots.jfc", "production.jfc", "leak-hunt.jfc"})
  void profileParsesAndNamesEveryEventClassAndNoOtherTriplestoreEvent(String file) throws Exception {
    Configuration configuration = profile(file);

    assertThat(configuration.getLabel()).startsWith("Triplestore");
    assertThat(configuration.getDescription()).isNotBlank();
    Set<String> classNames = EventClasses.all().stream().map(EventClasses::nameOf).collect(Collectors.toSet());
    assertThat(triplestoreEvents(configuration))
        .as("triplestore events in %s vs event classes", file)
        .containsExactlyInAnyOrderElementsOf(classNames);
    Map<String, String> settings = configuration.getSettings();
    for (String event : classNames) {
      assertThat(settings).as(file).containsEntry(event + "#enabled", "true");
    }
  }

  @Test
  void onlyTheLeakHuntProfileRecordsCreationStacks() throws Exception {
    String key = SnapshotJfrEvents.CREATED + "#stackTrace";

    assertThat(profile("leak-hunt.jfc").getSettings()).containsEntry(key, "true");
    assertThat(profile("production.jfc").getSettings()).containsEntry(key, "false");
    assertThat(profile("snapshots.jfc").getSettings()).containsEntry(key, "false");
  }

  @Test
  void statisticsPeriodsSuitEachProfile() throws Exception {
    String key = SnapshotJfrEvents.REGISTRY_STATISTICS + "#period";

    assertThat(profile("snapshots.jfc").getSettings()).containsEntry(key, "10 s");
    assertThat(profile("production.jfc").getSettings()).containsEntry(key, "30 s");
    assertThat(profile("leak-hunt.jfc").getSettings()).containsEntry(key, "1 s");
  }

  @Test
  void snapshotsProfileHasOnlyTriplestoreEvents() throws Exception {
    assertThat(profile("snapshots.jfc").getSettings().keySet()).allMatch(key -> key.startsWith("triplestore."));
  }

  @Test
  void productionAndLeakHuntKeepTheJdkSettingsTheyWereBuiltFrom() throws Exception {
    Map<String, String> production = profile("production.jfc").getSettings();
    Map<String, String> leakHunt = profile("leak-hunt.jfc").getSettings();

    // JDK 17's default.jfc samples execution every 20 ms, its profile.jfc every 10 ms.
    assertThat(production).containsEntry("jdk.ExecutionSample#period", "20 ms");
    assertThat(leakHunt).containsEntry("jdk.ExecutionSample#period", "10 ms");
    assertThat(production).containsEntry("jdk.GarbageCollection#enabled", "true");
    assertThat(production.keySet().stream().filter(k -> k.startsWith("jdk.")).count()).isGreaterThan(300);
    assertThat(leakHunt.keySet().stream().filter(k -> k.startsWith("jdk.")).count()).isGreaterThan(300);
  }

  @Test
  void recordingWithLeakHuntCapturesTheStackThatCreatedALease() throws Exception {
    List<RecordedEvent> created = recordOneLease(profile("leak-hunt.jfc"));

    assertThat(created).hasSize(1);
    assertThat(created.get(0).getStackTrace()).isNotNull();
    List<String> methods = created.get(0).getStackTrace().getFrames().stream()
        .map(RecordedFrame::getMethod).map(m -> m.getType().getName() + "." + m.getName())
        .collect(Collectors.toList());
    assertThat(methods).anyMatch(m -> m.endsWith("JfrProfilesTest.recordOneLease"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"snapshots.jfc", "production.jfc"})
  void recordingWithTheLightProfilesCapturesLeasesWithoutStacks(String file) throws Exception {
    List<RecordedEvent> created = recordOneLease(profile(file));

    assertThat(created).hasSize(1);
    assertThat(created.get(0).getStackTrace()).isNull();
  }

  private List<RecordedEvent> recordOneLease(Configuration configuration) throws Exception {
    String name = "profile-" + UUID.randomUUID();
    try (SnapshotRegistry registry = SnapshotRegistry.builder()
        .name(name).source(InMemorySnapshotSource.counting()).scheduler(Scheduler.manual()).build()) {
      List<RecordedEvent> events = RecordedRun.record(dir, name, configuration, () -> registry.create().close());
      assertThat(named(events, SnapshotJfrEvents.RELEASED)).hasSize(1);
      return named(events, SnapshotJfrEvents.CREATED);
    }
  }
}
