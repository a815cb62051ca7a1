package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.daemon.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What an operator finds in the unpacked archive besides the program: the operations guide, and
 * the systemd helper scripts with their run bit (they are run directly, e.g. {@code
 * systemd/check-unit.sh}). Needs no container engine.
 */
class DistributionContentsTest {

  @Test
  void theArchiveShipsTheOperationsGuide() throws Exception {
    Path guide = Distribution.home().resolve("docs/OPERATIONS.md");

    assertThat(guide).isRegularFile();
    assertThat(Files.readString(guide)).isEqualTo(Files.readString(RepositoryFiles.file("docs/OPERATIONS.md")));
  }

  @Test
  void everySystemdScriptIsExecutableAndEveryOtherFileIsNot() throws Exception {
    Path systemd = Distribution.home().resolve("systemd");
    try (Stream<Path> files = Files.list(systemd)) {
      assertThat(files).isNotEmpty().allSatisfy(file -> assertThat(Files.isExecutable(file))
          .as("executable: %s", file.getFileName())
          .isEqualTo(file.getFileName().toString().endsWith(".sh")));
    }
    assertThat(systemd.resolve("check-unit.sh")).exists();
  }
}
