package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store killed with SIGKILL in a JVM of its own ({@link CrashingWriter}) after a bulk batch was
 * acknowledged and then an atomic write was acknowledged: after the restart both are there, and
 * the store is consistent.
 */
class SigkillRecoveryTest {

  @TempDir Path directory;

  @Test
  void anAcknowledgedBulkBatchAndALaterAtomicWriteBothSurviveSigkill() throws Exception {
    Path data = directory.resolve("data");
    runUntilAcknowledgedThenKill(data);

    try (TripleStore store = TestStores.open(data, new FakeTicker())) {
      assertThat(store.contains(CrashingWriter.atomicTriple())).as("the acknowledged atomic write").isTrue();
      for (int i = 0; i < CrashingWriter.BULK_TRIPLES; i++) {
        assertThat(store.contains(CrashingWriter.bulkTriple(i))).as("acknowledged bulk triple %d", i).isTrue();
      }
      assertThat(store.size()).isEqualTo(CrashingWriter.BULK_TRIPLES + 1);
      assertThat(store.list(TriplePattern.any(), Long.MAX_VALUE)).hasSize(CrashingWriter.BULK_TRIPLES + 1);
      // A term added after the crash must get an id of its own, not one of the terms on disk.
      store.add(TestStores.triple("after/s", "after/p", "after/o"));
      assertThat(store.list(TriplePattern.of(CrashingWriter.bulkTriple(7).subject(), null, null), 10))
          .containsExactlyInAnyOrder(CrashingWriter.bulkTriple(7), CrashingWriter.atomicTriple());
      assertThat(store.list(TriplePattern.of(TestStores.iri("after/s"), null, null), 10))
          .containsExactly(TestStores.triple("after/s", "after/p", "after/o"));
    }
  }

  private void runUntilAcknowledgedThenKill(Path data) throws IOException {
    Path output = directory.resolve("writer.log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashingWriter.class.getName(), data.toString()));
    Process writer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(output).contains(CrashingWriter.ACKNOWLEDGED)
          || !writer.isAlive());
      assertThat(writer.isAlive()).as("the writer died before its writes were acknowledged:%n%s",
          Files.readString(output)).isTrue();
    } finally {
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush on close
      await().atMost(Duration.ofSeconds(30)).until(() -> !writer.isAlive());
    }
  }
}
