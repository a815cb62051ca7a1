package io.triplestore.benchmarks.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LubmGeneratorTest {

  @TempDir
  Path directory;

  @Test
  void sameSeedGivesTheSameFileAndNoTripleTwice() throws IOException {
    Path first = directory.resolve("first.nt");
    Path second = directory.resolve("second.nt");

    long triples = LubmGenerator.write(1, 15, first);
    LubmGenerator.write(1, 15, second);

    List<String> lines = Files.readAllLines(first);
    assertThat(Files.mismatch(first, second)).isEqualTo(-1);
    assertThat(lines).hasSize((int) triples);
    assertThat(new HashSet<>(lines)).hasSize(lines.size());
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Path first = directory.resolve("first.nt");
    Path other = directory.resolve("other.nt");

    LubmGenerator.write(1, 15, first);
    LubmGenerator.write(1, 16, other);

    assertThat(Files.mismatch(first, other)).isNotEqualTo(-1);
  }
}
