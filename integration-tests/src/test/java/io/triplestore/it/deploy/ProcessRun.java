package io.triplestore.it.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One finished child process: its exit code and what it wrote. Output goes to files, not pipes,
 * so a chatty child can never block on a full pipe while we wait for it.
 *
 * @param exitCode the exit code
 * @param stdout everything written to standard output
 * @param stderr everything written to standard error
 */
public record ProcessRun(int exitCode, String stdout, String stderr) {

  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs {@code command} with the current environment minus every {@code TRIPLESTORE_*} variable,
   * changed by {@code environment}, and waits for it (at most two minutes).
   */
  public static ProcessRun run(List<String> command, Consumer<Map<String, String>> environment) {
    try {
      Path out = Files.createTempFile("process-run", ".out");
      Path err = Files.createTempFile("process-run", ".err");
      try {
        ProcessBuilder builder = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("TRIPLESTORE_"));
        environment.accept(builder.environment());
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(command + " did not finish within " + TIMEOUT);
        }
        return new ProcessRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    }
  }

  /** Standard output and standard error, for assertion messages. */
  public String output() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
