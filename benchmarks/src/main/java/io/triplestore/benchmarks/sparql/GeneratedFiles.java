package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.store.GeneratedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the generated data and the loaded stores live: under the store benchmarks' {@link
 * GeneratedData#directory()} ({@code -Dbench.dir}), {@code sparql-u<universities>-s<seed>/} holds
 * one data set and its four databases.
 */
final class GeneratedFiles {

  private GeneratedFiles() {}

  static Path dataSetDirectory(int universities, long seed) {
    Path directory = GeneratedData.directory().resolve("sparql-u" + universities + "-s" + seed);
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
}
