package io.triplestore.it.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files of the repository under test, found through the {@code triplestore.root} system property
 * that the integration-tests pom passes to surefire (the working directory when run elsewhere).
 */
public final class RepositoryFiles {

  private RepositoryFiles() {}

  /** The repository root. */
  public static Path root() {
    Path root = Path.of(System.getProperty("triplestore.root", "..")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("systemd"))) {
      throw new IllegalStateException("not the repository root (no pom.xml or systemd/): " + root
          + "; run through Maven or set -Dtriplestore.root");
    }
    return root;
  }

  /** A path relative to the repository root, which must exist. */
  public static Path file(String relative) {
    Path file = root().resolve(relative);
    if (!Files.exists(file)) {
      throw new IllegalStateException("missing in the repository: " + file);
    }
    return file;
  }

  /**
   * The built distribution archive: the path the pom passes as {@code triplestore.distribution}
   * (the daemon's tar.gz artifact), else {@code daemon/target/triplestored-<version>.tar.gz}.
   */
  public static Optional<Path> distributionArchive() {
    String passed = System.getProperty("triplestore.distribution", "");
    if (!passed.isBlank() && Files.isRegularFile(Path.of(passed))) {
      return Optional.of(Path.of(passed));
    }
    Path built = root().resolve("daemon/target/triplestored-" + version() + ".tar.gz");
    return Files.isRegularFile(built) ? Optional.of(built) : Optional.empty();
  }

  /** The version being built, as the pom passes it. */
  public static String version() {
    String version = System.getProperty("triplestore.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException("system property triplestore.version is not set; run through Maven");
    }
    return version;
  }
}
