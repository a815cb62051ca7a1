package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An SST bulk load SIGKILLed in a JVM of its own ({@link CrashingSstLoader}) at a step of its
 * commit protocol: after reopening, the store holds all of the load (killed after its journal
 * record) or none of it (killed before), with consistent indexes, counters and dictionary.
 */
class SstSigkillRecoveryTest {

  @TempDir Path directory;
  @TempDir Path reference;

  @ParameterizedTest
  @EnumSource(value = BulkLoadJournal.Step.class, names = {"FILES_SYNCED", "ONE_FAMILY_INGESTED", "COUNTERS_WRITTEN"})
  void aLoadKilledAtAStepIsWholeOrAbsentAfterReopening(BulkLoadJournal.Step step) throws Exception {
    Path data = directory.resolve("data");
    try (TripleStore store = TestStores.open(data, new FakeTicker())) {
      store.add(TestStores.triple("before", "p", "o"));
    }
    runUntilStoppedThenKill(data, step);

    try (TripleStore reopened = TestStores.open(data, new FakeTicker());
        TripleStore expected = TestStores.open(reference, new FakeTicker())) {
      expected.add(TestStores.triple("before", "p", "o"));
      if (step != BulkLoadJournal.Step.FILES_SYNCED) {
        expected.addQuads(SstBulkLoadTest.quads(CrashingSstLoader.QUADS));
      }
      assertThat(reopened.verify().violations()).isEmpty();
      assertThat(reopened.size()).isEqualTo(expected.size());
      assertThat(reopened.list(QuadPattern.of(null, null, null, GraphSelector.ALL), Long.MAX_VALUE))
          .containsExactlyInAnyOrderElementsOf(expected.list(QuadPattern.of(null, null, null, GraphSelector.ALL),
              Long.MAX_VALUE));
      assertThat(data.resolve(BulkLoadJournal.DIRECTORY)).doesNotExist();
    }
  }

  private void runUntilStoppedThenKill(Path data, BulkLoadJournal.Step step) throws IOException {
    Path output = directory.resolve("loader.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashingSstLoader.class.getName(), data.toString(), step.name()));
    Process loader = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(output).contains(CrashingSstLoader.STOPPED)
          || !loader.isAlive());
      assertThat(loader.isAlive()).as("the loader died before the step:%n%s", Files.readString(output)).isTrue();
    } finally {
      loader.destroyForcibly(); // SIGKILL: no shutdown hook, no flush on close
      await().atMost(Duration.ofSeconds(30)).until(() -> !loader.isAlive());
    }
  }
}
