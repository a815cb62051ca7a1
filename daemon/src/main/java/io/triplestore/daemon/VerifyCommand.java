package io.triplestore.daemon;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.TripleStore;
import io.triplestore.store.VerificationReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * {@code triplestored verify}: checks the store of a data directory that no daemon is serving
 * ({@link TripleStore#verify()}) and prints the report: exit 0 when consistent, {@link
 * Main#EXIT_INCONSISTENT} with every violation listed (up to the report's limit) otherwise. A
 * missing or empty data directory is an error, not an empty store: verify never creates one.
 */
final class VerifyCommand {

  private final Configuration config;
  private final PrintStream out;

  VerifyCommand(Configuration config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the check; returns the process exit code. */
  int run() throws IOException {
    Path directory = config.path(ConfigKey.DATA_DIR).toAbsolutePath();
    if (isMissingOrEmpty(directory)) {
      out.println("triplestored verify: no store at " + directory + " (missing or empty); set --data.dir");
      return Main.EXIT_CONFIG;
    }
    long start = System.nanoTime();
    try (TripleStore store = StoreOpener.open(config)) {
      out.println("verifying the store at " + directory);
      VerificationReport report = store.verify();
      out.println(report.describe());
      out.printf("verified in %.1f s%n", (System.nanoTime() - start) / 1e9);
      return report.consistent() ? 0 : Main.EXIT_INCONSISTENT;
    }
  }

  private static boolean isMissingOrEmpty(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return true;
    }
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    }
  }
}
