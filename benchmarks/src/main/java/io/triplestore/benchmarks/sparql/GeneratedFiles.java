package io.triplestore.benchmarks.sparql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the generated data and the loaded stores live: {@code -Dbench.dir}, default {@code
 * $TMPDIR/triplestore-bench}, as for the store's benchmarks; {@code sparql-u<universities>-s<seed>/}
 * holds one data set and its four databases.
 */
final class GeneratedFiles {

  private GeneratedFiles() {}

  static Path dataSetDirectory(int universities, long seed) {
    Path base = Path.of(System.getProperty("bench.dir",
        Path.of(System.getProperty("java.io.tmpdir"), "triplestore-bench").toString()));
    Path directory = base.resolve("sparql-u" + universities + "-s" + seed);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The N-Triples file of the data set, generated the first time; returns its path. */
  static Path data(Path dataSetDirectory, int universities, long seed) {
    Path file = dataSetDirectory.resolve("lubm.nt");
    if (!Files.exists(file)) {
      long triples = LubmGenerator.write(universities, seed, file);
      System.out.printf("[data] generated %,d triples into %s%n", triples, file);
    }
    return file;
  }

  /** Lines of the file: its triples, since the generator writes one per line. */
  static long lines(Path file) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
