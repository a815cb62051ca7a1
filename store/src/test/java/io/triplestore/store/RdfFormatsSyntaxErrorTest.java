package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format's syntax error leaves the store as it was, for adds and removes, atomic and bulk,
 * and says where it is as precisely as the format's parser can.
 */
class RdfFormatsSyntaxErrorTest {

  private static final String PREFIX = "@prefix ex: <http://example.org/> .\n";
  private static final Quad ONE = new Quad(TestStores.iri("s"), TestStores.iri("p"), Literal.of("one"), null);
  private static final Quad ONE_IN_G = new Quad(TestStores.iri("s"), TestStores.iri("p"), Literal.of("one"),
      TestStores.iri("g"));

  @TempDir Path directory;
  private TripleStore store;

  @BeforeEach
  void open() {
    store = TripleStore.open(directory, TestStores.options(new FakeTicker()).bulkBatchTriples(1000).build());
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** format, a document whose last statement is malformed, the quad before it, line, column. */
  static Stream<Arguments> malformed() {
    String nt = "<http://example.org/s> <http://example.org/p> \"one\" .\n"
        + "<http://example.org/s> <http://example.org/p> garbage .\n";
    String nq = "<http://example.org/s> <http://example.org/p> \"one\" <http://example.org/g> .\n"
        + "<http://example.org/s> <http://example.org/p> \"two\" garbage .\n";
    return Stream.of(
        Arguments.of(RDFFormat.NTRIPLES, nt, ONE, 2, nt.lines().toList().get(1).indexOf("garbage") + 1),
        Arguments.of(RDFFormat.NQUADS, nq, ONE_IN_G, 2, nq.lines().toList().get(1).indexOf("garbage") + 1),
        Arguments.of(RDFFormat.TURTLE, PREFIX + "ex:s ex:p \"one\" .\nex:s ex:p \"two\" ;\n  garbage .\n", ONE, 4, -1),
        Arguments.of(RDFFormat.TRIG, PREFIX + "ex:g {\n  ex:s ex:p \"one\" .\n  ex:s ex:p ex:o ex:extra .\n}\n",
            ONE_IN_G, 4, -1),
        Arguments.of(RDFFormat.RDFXML, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
            + "    xmlns:ex=\"http://example.org/\">\n"
            + "  <rdf:Description rdf:about=\"http://example.org/s\"><ex:p>one</ex:p></rdf:Description>\n"
            + "  <rdf:Description rdf:about=\"http://example.org/s\"><unqualified/></rdf:Description>\n"
            + "</rdf:RDF>\n", ONE, 4, 67), // the XML parser's position: just after the bad start tag
        Arguments.of(RDFFormat.JSONLD, "[{\"@id\": \"http://example.org/s\",\n \"http://example.org/p\": \"one\"},\n"
            + " {\"@id\": \"http://example.org/s\", \"http://example.org/p\": [ }]\n", ONE, -1, -1));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aSyntaxErrorAddsNothingAndSaysWhere(RDFFormat format, String document, Quad valid, int line, int column) {
    store.add(TestStores.triple("existing", "p", "o"));
    Set<Quad> before = RdfFormatsRoundTripTest.quads(store, GraphSelector.ALL);

    assertThatThrownBy(() -> store.importRdf(input(document), format, ImportOptions.strict()))
        .isInstanceOfSatisfying(RdfSyntaxException.class, e -> assertPosition(e, format, line, column));
    assertThatThrownBy(() -> store.bulkLoad(input(document), format, ImportOptions.strict()))
        .isInstanceOfSatisfying(BulkLoadException.class, e -> {
          assertThat(e.committedTriples()).isZero();
          assertThat(e.getCause()).isInstanceOfSatisfying(RdfSyntaxException.class,
              cause -> assertPosition(cause, format, line, column));
        });

    assertThat(RdfFormatsRoundTripTest.quads(store, GraphSelector.ALL)).isEqualTo(before);
    assertThat(store.contains(valid)).isFalse();
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aSyntaxErrorRemovesNothing(RDFFormat format, String document, Quad valid, int line, int column) {
    store.add(valid);
    Set<Quad> before = RdfFormatsRoundTripTest.quads(store, GraphSelector.ALL);

    assertThatThrownBy(() -> store.removeRdf(input(document), format, ImportOptions.strict()))
        .isInstanceOfSatisfying(RdfSyntaxException.class, e -> assertPosition(e, format, line, column));
    assertThatThrownBy(() -> store.bulkRemove(input(document), format, ImportOptions.strict()))
        .isInstanceOfSatisfying(BulkLoadException.class, e -> {
          assertThat(e).hasMessageStartingWith("bulk remove failed after committing 0 quads");
          assertThat(e.getCause()).isInstanceOf(RdfSyntaxException.class);
        });

    assertThat(RdfFormatsRoundTripTest.quads(store, GraphSelector.ALL)).isEqualTo(before);
  }

  private static void assertPosition(RdfSyntaxException e, RDFFormat format, int line, int column) {
    assertThat(e.format()).isEqualTo(format.getName());
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
    assertThat(e.getMessage()).startsWith("malformed " + format.getName()).doesNotContain("[line");
  }

  @Test
  void aBulkRemoveCommitsBatchByBatchAndKeepsWhatItCommittedOnFailure(@TempDir Path other) {
    try (TripleStore small = TripleStore.open(other, TestStores.options(new FakeTicker()).bulkBatchTriples(2).build())) {
      StringBuilder document = new StringBuilder(PREFIX);
      for (int i = 0; i < 5; i++) {
        small.add(TestStores.triple("s" + i, "p", "o"));
        document.append("ex:s").append(i).append(" ex:p ex:o .\n");
      }
      List<Long> progress = new ArrayList<>();
      ImportOptions options = ImportOptions.builder().progress(progress::add).build();

      assertThatThrownBy(() -> small.bulkRemove(input(document + "ex:s9 ex:p \"unterminated .\n"), RDFFormat.TURTLE, options))
          .isInstanceOfSatisfying(BulkLoadException.class, e -> assertThat(e.committedTriples()).isEqualTo(4));
      assertThat(progress).containsExactly(2L, 4L);
      assertThat(small.size()).isEqualTo(1);

      ImportResult result = small.bulkRemove(input(document.toString()), RDFFormat.TURTLE, ImportOptions.strict());
      assertThat(result).isEqualTo(new ImportResult(1, 4, 0, 3));
      assertThat(small.size()).isZero();
    }
  }

  @Test
  void skippingBadLinesWorksForNQuadsAndIsRefusedForDocuments() {
    List<SkippedLine> skipped = new ArrayList<>();
    ImportResult result = store.importRdf(input("<http://example.org/s> <http://example.org/p> \"one\" <http://example.org/g> .\n"
        + "not a quad\n"
        + "<http://example.org/s> <http://example.org/p> \"one\" .\n"), RDFFormat.NQUADS, ImportOptions.skipBadLines(skipped::add));
    assertThat(result.added()).isEqualTo(2);
    assertThat(skipped).extracting(SkippedLine::line, SkippedLine::column).containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 1L));
    assertThat(store.contains(ONE_IN_G)).isTrue();
    assertThat(store.contains(ONE)).isTrue();

    for (RDFFormat document : List.of(RDFFormat.TURTLE, RDFFormat.TRIG, RDFFormat.RDFXML, RDFFormat.JSONLD)) {
      assertThatThrownBy(() -> store.importRdf(input(""), document, ImportOptions.skipBadLines(skipped::add)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(document.getName() + " document has no lines to skip");
      assertThatThrownBy(() -> store.bulkRemove(input(""), document, ImportOptions.skipBadLines(skipped::add)))
          .as("misuse, not a failed bulk change").isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void documentFormatsRefuseWhatTheLineFormatsRefuse() {
    String[] turtle = {
        "<http://example.org/s> <http://example.org/p> \"x\"@en- .",
        "<http://example.org/s> <http://example.org/p> \"\\uD800\" .",
        "<relative> <http://example.org/p> \"x\" .",
        "<http://example.org/s> <http://example.org/p> \"x\"^^<not a datatype> .",
        "<http://example.org/s> <http://example.org/p> \"x\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
        // RDF4J reads this lone '.' as an empty xsd:integer: the object is missing.
        "<http://example.org/s> <http://example.org/p> .\n",
    };
    for (String statement : turtle) {
      for (RDFFormat format : List.of(RDFFormat.TURTLE, RDFFormat.TRIG)) {
        assertThatThrownBy(() -> store.importRdf(input(statement), format, ImportOptions.strict()))
            .as(format.getName() + " " + statement).isInstanceOfSatisfying(RdfSyntaxException.class,
                e -> assertThat(e.line()).isEqualTo(1));
      }
    }
    assertThatThrownBy(() -> store.importRdf(input("{\"@id\": \"http://example.org/s\", \"http://example.org/p\": \"\\ud800\"}"),
        RDFFormat.JSONLD, ImportOptions.strict())).isInstanceOf(RdfSyntaxException.class)
        .hasMessageContaining("lone surrogate");
    assertThat(store.size()).isZero();
  }

  @Test
  void theTermLimitAppliesToDocuments() {
    String big = "x".repeat(InputLimits.DEFAULT_MAX_TERM_BYTES + 1);
    assertThatThrownBy(() -> store.importRdf(input(PREFIX + "ex:s ex:p \"" + big + "\" ."), RDFFormat.TURTLE,
        ImportOptions.strict())).isInstanceOfSatisfying(InputLimitException.class,
            e -> assertThat(e.limit()).isEqualTo(InputLimitException.Limit.TERM));
    assertThat(store.size()).isZero();
  }

  @Test
  void notUtf8IsASyntaxError() {
    byte[] latin1 = (PREFIX + "ex:s ex:p \"caf\u00e9\" .").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> store.importRdf(new java.io.ByteArrayInputStream(latin1), RDFFormat.TURTLE,
        ImportOptions.strict())).isInstanceOf(RdfSyntaxException.class).hasMessageContaining("not valid UTF-8");
  }

  private static InputStream input(String text) {
    return RdfFormatsRoundTripTest.input(text);
  }
}
