package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NTriplesImportTest {

  @TempDir Path directory;
  private TripleStore store;

  @BeforeEach
  void open() {
    store = TripleStore.open(directory, TestStores.options(new FakeTicker())
        .maxAtomicImportTriples(50)
        .bulkBatchTriples(10)
        // The batched bulk path; SstBulkLoadTest tests the SST one, which commits once.
        .sstBulkLoad(false)
        .build());
    store.add(TestStores.triple("existing", "p", "o"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void importAddsEveryTripleAndCountsRepeatsAsNoOps() {
    ImportResult result = store.importNTriples(input(
        "<http://example.org/a> <http://example.org/p> \"one\" .",
        "# a comment, and a blank line follow",
        "",
        "<http://example.org/a> <http://example.org/p> \"one\" .",
        "<http://example.org/existing> <http://example.org/p> <http://example.org/o> .",
        "_:x <http://example.org/p> \"deux\"@fr ."), ImportOptions.strict());

    assertThat(result).isEqualTo(new ImportResult(2, 2, 0, 1));
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.contains(Triple.of(BlankNode.of("x"), TestStores.iri("p"), Literal.lang("deux", "fr")))).isTrue();
  }

  @Test
  void aMalformedLineRollsBackTheWholeImportAndNamesLineAndColumn() {
    StoreSnapshot before = StoreSnapshot.of(store);
    InputStream malformed = input(
        "<http://example.org/a> <http://example.org/p> \"one\" .",
        "<http://example.org/b> <http://example.org/p> \"two\" .",
        "<http://example.org/c> <http://example.org/p> \"unterminated .",
        "<http://example.org/d> <http://example.org/p> \"four\" .");

    assertThatThrownBy(() -> store.importNTriples(malformed, ImportOptions.strict()))
        .isInstanceOfSatisfying(NTriplesSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isPositive();
          assertThat(e).hasMessageStartingWith("malformed N-Triples at line 3, column " + e.column() + ": ");
        });
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
  }

  @Test
  void aMalformedLineAfterManyTriplesStillLeavesNothingBehind() {
    StoreSnapshot before = StoreSnapshot.of(store);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      lines.add("<http://example.org/s" + i + "> <http://example.org/p> \"v" + i + "\" .");
    }
    lines.add("<http://example.org/s> <http://example.org/p> <not an iri> .");

    assertThatThrownBy(() -> store.importNTriples(input(lines.toArray(String[]::new)), ImportOptions.strict()))
        .isInstanceOfSatisfying(NTriplesSyntaxException.class, e -> assertThat(e.line()).isEqualTo(46));
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    // The writer is usable again, and ids handed out during the failed import are not reused wrongly.
    store.add(TestStores.triple("after", "p", "o"));
    assertThat(store.list(TriplePattern.of(TestStores.iri("after"), null, null), 10))
        .containsExactly(TestStores.triple("after", "p", "o"));
  }

  @Test
  void skipBadLinesModeReportsEachSkippedLineAndImportsTheRest() {
    List<SkippedLine> skipped = new ArrayList<>();
    ImportResult result = store.importNTriples(input(
        "<http://example.org/a> <http://example.org/p> \"one\" .",
        "<http://example.org/b> <http://example.org/p> \"two .",
        "this is not N-Triples",
        "<http://example.org/c> <http://example.org/p> \"three\" .",
        "<http://example.org/d> <http://example.org/p> \"four\""), ImportOptions.skipBadLines(skipped::add));

    assertThat(skipped).extracting(SkippedLine::line).containsExactly(2L, 3L, 5L);
    assertThat(skipped).allSatisfy(line -> assertThat(line.message()).isNotBlank());
    assertThat(result.added()).isEqualTo(2);
    assertThat(result.skippedLines()).isEqualTo(3);
    assertThat(store.count(TriplePattern.of(null, TestStores.iri("p"), null))).isEqualTo(3);
  }

  @Test
  void anImportLargerThanOneAtomicBatchIsRefusedAndLeavesNothing() {
    StoreSnapshot before = StoreSnapshot.of(store);
    assertThatThrownBy(() -> store.importNTriples(generated(51), ImportOptions.strict()))
        .isInstanceOf(ImportTooLargeException.class)
        .hasMessageContaining("more than 50 triples")
        .hasMessageContaining("use bulk mode");
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
    assertThat(store.importNTriples(generated(50), ImportOptions.strict()).added()).isEqualTo(50);
  }

  @Test
  void bulkLoadCommitsInBatchesAndReportsProgress() {
    List<Long> progress = new ArrayList<>();
    ImportResult result = store.bulkLoad(generated(35), ImportOptions.builder().progress(progress::add).build());

    assertThat(result.added()).isEqualTo(35);
    assertThat(result.batches()).isEqualTo(4);
    assertThat(progress).containsExactly(10L, 20L, 30L, 35L);
    assertThat(store.size()).isEqualTo(36);
    assertThat(store.stats().sstBytesByColumnFamily().get("spo")).as("flushed to SST files").isPositive();
  }

  @Test
  void aFailedBulkLoadKeepsTheCommittedBatchesAndSaysHowMany() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      lines.add("<http://example.org/s" + i + "> <http://example.org/p> \"v" + i + "\" .");
    }
    lines.add("<http://example.org/broken> <http://example.org/p> .");

    assertThatThrownBy(() -> store.bulkLoad(input(lines.toArray(String[]::new)), ImportOptions.strict()))
        .isInstanceOfSatisfying(BulkLoadException.class, e -> {
          assertThat(e.committedTriples()).isEqualTo(20);
          assertThat(e.getCause()).isInstanceOfSatisfying(NTriplesSyntaxException.class,
              cause -> assertThat(cause.line()).isEqualTo(26));
          assertThat(e).hasMessageContaining("after committing 20 quads").hasMessageContaining("line 26");
        });
    assertThat(store.size()).isEqualTo(21);
  }

  @Test
  void bulkLoadCountsRepeatsWithinABatchAndTriplesAlreadyStoredAsNoOps() {
    ImportResult result = store.bulkLoad(input(
        "<http://example.org/existing> <http://example.org/p> <http://example.org/o> .",
        "<http://example.org/n> <http://example.org/p> \"x\" .",
        "<http://example.org/n> <http://example.org/p> \"x\" .",
        "<http://example.org/n> <http://example.org/p> \"y\" ."), ImportOptions.strict());

    assertThat(result.added()).isEqualTo(2);
    assertThat(result.noOps()).isEqualTo(2);
    assertThat(store.size()).isEqualTo(3);
    // "x" got one id although it was staged twice in the batch.
    assertThat(store.stats().distinctTerms()).isEqualTo(3 + 3);
  }

  @Test
  void skippedLinesAreReportedOnTheCallersThreadInInputOrder() {
    List<String> threads = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<String> input = new ArrayList<>();
    for (int i = 1; i <= 3000; i++) {
      input.add(i % 1000 == 0 ? "broken line " + i : "<http://example.org/s" + i + "> <http://example.org/p> \"v\" .");
    }
    ImportResult result = store.bulkLoad(input(input.toArray(String[]::new)), ImportOptions.skipBadLines(line -> {
      threads.add(Thread.currentThread().getName());
      lines.add(line.line());
    }));

    assertThat(lines).containsExactly(1000L, 2000L, 3000L);
    assertThat(threads).containsOnly(Thread.currentThread().getName());
    assertThat(result.added()).isEqualTo(2997);
  }

  @Test
  void aFailingImportStopsItsParserThread() {
    assertThatThrownBy(() -> store.importNTriples(generated(5000), ImportOptions.strict()))
        .isInstanceOf(ImportTooLargeException.class);
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
        Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("triplestore-ntriples-parser")));
  }

  @Test
  void exportWritesEveryTripleAsNTriples() {
    store.add(Triple.of(BlankNode.of("n1"), TestStores.iri("p"), Literal.typed("7", Iri.of("http://www.w3.org/2001/XMLSchema#int"))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(store.exportNTriples(out)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder(
        "<http://example.org/existing> <http://example.org/p> <http://example.org/o> .",
        "_:n1 <http://example.org/p> \"7\"^^<http://www.w3.org/2001/XMLSchema#int> .");
  }

  private static InputStream generated(int triples) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < triples; i++) {
      text.append("<http://example.org/g").append(i).append("> <http://example.org/p> \"g").append(i).append("\" .\n");
    }
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static InputStream input(String... lines) {
    return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
