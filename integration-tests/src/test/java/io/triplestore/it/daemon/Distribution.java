package io.triplestore.it.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code triplestored-<version>.tar.gz}, unpacked once per test JVM with {@code tar}
 * (which keeps the launcher's executable bit, as an operator's unpacking would).
 */
public final class Distribution {

  private static Path home;

  private Distribution() {}

  /** The unpacked distribution's top directory, holding {@code bin/triplestored}. */
  public static synchronized Path home() throws IOException, InterruptedException {
    if (home == null) {
      home = unpack();
    }
    return home;
  }

  private static Path unpack() throws IOException, InterruptedException {
    String archive = System.getProperty("triplestore.distribution");
    if (archive == null || archive.isBlank() || !Files.isRegularFile(Path.of(archive))) {
      throw new IllegalStateException("the daemon's distribution archive is missing (" + archive
          + "): build it first with ./mvnw -pl daemon -am package, or run the reactor with verify");
    }
    Path target = Files.createTempDirectory("triplestored-dist");
    Process tar = new ProcessBuilder("tar", "xzf", archive, "-C", target.toString()).inheritIO().start();
    if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new IllegalStateException("unpacking " + archive + " failed");
    }
    try (var entries = Files.list(target)) {
      Path top = entries.filter(Files::isDirectory).findFirst()
          .orElseThrow(() -> new IllegalStateException(archive + " has no top directory"));
      if (!Files.isExecutable(top.resolve("bin/triplestored"))) {
        throw new IllegalStateException(archive + " has no executable bin/triplestored");
      }
      return top;
    }
  }
}
