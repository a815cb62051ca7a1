package io.triplestore.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  final AtomicLong read = new AtomicLong();

  @Test
  void aTerminalGetsABarOfTheBytesReadAndTheTriplesCommitted() {
    try (ProgressReporter progress = ProgressReporter.start(out, true, 1000, read::get)) {
      read.set(500);
      progress.committed(12_000);
      assertThat(progress.line(false)).startsWith("[==============>               ]  50%  12000 triples committed");
      progress.finish();
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).startsWith("\r[==============================] 100%  12000 triples committed").endsWith(System.lineSeparator());
  }

  @Test
  void elsewhereItPrintsPlainLines() {
    try (ProgressReporter progress = ProgressReporter.start(out, false, 1000, read::get)) {
      read.set(250);
      progress.committed(300);
      assertThat(progress.line(false)).startsWith("import progress:  25%  300 triples committed");
      progress.finish();
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("\r");
  }

  @Test
  void elsewhereEachCommittedBatchIsALineOfItsOwn() {
    try (ProgressReporter progress = ProgressReporter.start(out, false, 1000, read::get)) {
      progress.committed(100);
      progress.committed(200);
      progress.finish();
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines())
        .filteredOn(line -> line.contains("triples committed"))
        .anyMatch(line -> line.contains(" 100 triples committed"))
        .anyMatch(line -> line.contains(" 200 triples committed"));
  }
}
