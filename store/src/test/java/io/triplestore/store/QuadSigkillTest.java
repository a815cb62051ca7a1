package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * Atomic quad writes and graph clears cut by SIGKILL at a random moment ({@link
 * QuadCrashingWriter} in a JVM of its own): after the restart every acknowledged step is there,
 * the step the kill cut is there whole or not at all, and {@code verify()} finds the indexes of
 * both graph families, the per-graph counters and the dictionary in agreement.
 */
class QuadSigkillTest {

  private static final Random RANDOM = new Random();

  @TempDir Path directory;

  @RepeatedTest(3)
  void acknowledgedStepsSurviveAndTheCutStepIsAllOrNothing() throws Exception {
    Path data = directory.resolve("data");
    // Kill after at least this many acknowledged steps: a random point in the writer's run.
    int killAfter = 20 + RANDOM.nextInt(200);
    int acknowledged = runAndKill(data, killAfter);

    try (TripleStore store = TestStores.open(data, new FakeTicker())) {
      VerificationReport report = store.verify();
      assertThat(report.violations()).as("killed after step %d", acknowledged).isEmpty();
      for (int step = 1; step <= acknowledged; step++) {
        if (!QuadCrashingWriter.clears(step)) {
          for (Quad quad : QuadCrashingWriter.step(step)) {
            assertThat(store.contains(quad)).as("acknowledged step %d: %s", step, quad).isTrue();
          }
        }
      }
      int cut = acknowledged + 1;
      long scratch = store.size(GraphSelector.named(QuadCrashingWriter.SCRATCH));
      long scratchAcknowledged = 2L * (acknowledged - acknowledged / 10 * 10);
      if (QuadCrashingWriter.clears(cut)) {
        assertThat(scratch).as("the cut clear of step %d, all or nothing", cut).isIn(0L, scratchAcknowledged);
      } else {
        List<Quad> quads = QuadCrashingWriter.step(cut);
        long present = quads.stream().filter(store::contains).count();
        assertThat(present).as("the cut step %d, all or nothing", cut).isIn(0L, (long) quads.size());
        // Its remove and its adds are one batch: the quad of the step before is gone exactly when
        // they are there. (A clearing step adds no such quad, so after one there is none to remove.)
        if (!QuadCrashingWriter.clears(acknowledged)) {
          assertThat(store.contains(QuadCrashingWriter.removedByNextStep(acknowledged)))
              .as("the remove of the cut step").isEqualTo(present == 0);
        }
        assertThat(scratch).as("the scratch graph").isEqualTo(scratchAcknowledged + (present == 0 ? 0 : 2));
      }
    }
  }

  /** Runs the writer until it acknowledged {@code killAfter} steps, SIGKILLs it, returns the last step it printed. */
  private int runAndKill(Path data, int killAfter) throws IOException {
    Path output = directory.resolve("writer.log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), QuadCrashingWriter.class.getName(), data.toString());
    Process writer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      await().atMost(Duration.ofMinutes(2))
          .until(() -> lastAcknowledged(output) >= killAfter || !writer.isAlive());
      assertThat(writer.isAlive()).as("the writer died:%n%s", Files.readString(output)).isTrue();
    } finally {
      writer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush on close
      await().atMost(Duration.ofSeconds(30)).until(() -> !writer.isAlive());
    }
    return lastAcknowledged(output);
  }

  /**
   * The highest step printed. The kill may cut the last line short ("acknowledged 1" of "... 12"):
   * taking the highest, not the last, makes such a line count for less, never for more, and a
   * step acknowledged but not printed in full only weakens the check to "all or nothing".
   */
  private static int lastAcknowledged(Path output) throws IOException {
    int highest = 0;
    for (String line : Files.readAllLines(output)) {
      String number = line.startsWith(QuadCrashingWriter.ACKNOWLEDGED)
          ? line.substring(QuadCrashingWriter.ACKNOWLEDGED.length()).strip() : "";
      if (!number.isEmpty() && number.chars().allMatch(Character::isDigit)) {
        highest = Math.max(highest, Integer.parseInt(number));
      }
    }
    return highest;
  }
}
