package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer typed first: bodies too short to be a statement are errors, not empty imports. */
class TinyMalformedInputTest {

  @TempDir Path directory;
  private TripleStore store;

  @BeforeEach
  void open() {
    store = TestStores.open(directory, new FakeTicker());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", ".", "<", "_", "\"", "x\n", "<a>"})
  void aBodyTooShortToBeAStatementIsASyntaxErrorAtLineOne(String body) {
    for (RDFFormat format : new RDFFormat[] {RDFFormat.NTRIPLES, RDFFormat.NQUADS}) {
      assertThatThrownBy(() -> store.importRdf(input(body), format, ImportOptions.strict()))
          .as(format.getName() + " " + body)
          .isInstanceOfSatisfying(RdfSyntaxException.class, e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isBetween(1L, (long) body.strip().length() + 1);
          });
      assertThatThrownBy(() -> store.removeRdf(input(body), format, ImportOptions.strict()))
          .isInstanceOf(RdfSyntaxException.class);
    }
    assertThat(store.size()).isZero();
  }

  @Test
  void garbageIsReportedWhereItStartsNotWhereTheParserGaveUp() {
    assertThatThrownBy(() -> store.importRdf(input("garbage here"), RDFFormat.NTRIPLES, ImportOptions.strict()))
        .isInstanceOfSatisfying(RdfSyntaxException.class, e -> {
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.column()).isEqualTo(1);
        });
    assertThatThrownBy(() -> store.importRdf(input("<http://e.org/s> <http://e.org/p> garbage ."), RDFFormat.NTRIPLES,
        ImportOptions.strict()))
        .isInstanceOfSatisfying(RdfSyntaxException.class, e -> assertThat(e.column()).isEqualTo(35));
  }

  @Test
  void aBlankOrCommentOnlyBodyIsEmptyNotAnError() {
    assertThat(store.importRdf(input("\n# nothing\n  \n"), RDFFormat.NTRIPLES, ImportOptions.strict()).triplesRead())
        .isZero();
  }

  private static ByteArrayInputStream input(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
