package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an N-Triples input may not bring in: lines and terms past the limits (refused as they stream,
 * never buffered whole), terms RDF4J would let through or store wrong (lone surrogates, malformed
 * language tags, {@code rdf:langString} without a language). Each is refused with a message that
 * names it, and the store is as it was.
 */
class InputValidationTest {

  private static final InputLimits SMALL = new InputLimits(1024, 100);

  @TempDir Path directory;
  private TripleStore store;

  @BeforeEach
  void open() {
    store = TripleStore.open(directory, TestStores.options(new FakeTicker()).bulkBatchTriples(2).build());
    store.add(TestStores.triple("existing", "p", "o"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLineWithoutEndIsRefusedAfterTheLimitNotReadToItsEnd() {
    StoreSnapshot before = StoreSnapshot.of(store);
    CountingEndlessLine line = new CountingEndlessLine(64L << 20);

    assertThatThrownBy(() -> store.importNTriples(line, ImportOptions.builder().limits(SMALL).build()))
        .isInstanceOfSatisfying(InputLimitException.class, e -> {
          assertThat(e.limit()).isEqualTo(InputLimitException.Limit.LINE);
          assertThat(e.line()).isEqualTo(1);
          assertThat(e.maxBytes()).isEqualTo(1024);
          assertThat(e).hasMessageContaining("longer than 1024 bytes");
        });
    // Read as far as the limit and the reader's buffer, not the 64 MB.
    assertThat(line.served).isLessThan(1 << 20);
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
  }

  @Test
  void aBulkLoadStopsAtTheLongLineAndKeepsTheBatchesBeforeIt() {
    String good = "<http://example.org/a> <http://example.org/p> \"1\" .\n<http://example.org/b> <http://example.org/p> \"2\" .\n";
    InputStream in = new java.io.SequenceInputStream(bytes(good), new CountingEndlessLine(8L << 20));
    assertThatThrownBy(() -> store.bulkLoad(in, ImportOptions.builder().limits(SMALL).build()))
        .isInstanceOfSatisfying(BulkLoadException.class, e -> {
          assertThat(e.getCause()).isInstanceOf(InputLimitException.class);
          assertThat(((InputLimitException) e.getCause()).line()).isEqualTo(3);
        });
  }

  @Test
  void aTermPastTheLimitFailsAStrictImportNamingItsLine() {
    StoreSnapshot before = StoreSnapshot.of(store);
    String input = "<http://example.org/a> <http://example.org/p> \"fits\" .\n"
        + "<http://example.org/a> <http://example.org/p> \"" + "\u00e9".repeat(51) + "\" .\n";

    assertThatThrownBy(() -> store.importNTriples(bytes(input), ImportOptions.builder().limits(SMALL).build()))
        .isInstanceOfSatisfying(InputLimitException.class, e -> {
          assertThat(e.limit()).isEqualTo(InputLimitException.Limit.TERM);
          assertThat(e.line()).isEqualTo(2);
          assertThat(e).hasMessageContaining("a term of 102 bytes, more than the 100");
        });
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
  }

  @Test
  void aTermPastTheLimitIsSkippedWithItsLineWhenBadLinesAreSkipped() {
    List<SkippedLine> skipped = new ArrayList<>();
    String input = "<http://example.org/a> <http://example.org/p> \"" + "x".repeat(101) + "\" .\n"
        + "<http://example.org/a> <http://example.org/p> \"kept\" .\n";

    ImportResult result = store.importNTriples(bytes(input),
        ImportOptions.builder().limits(SMALL).skipBadLines(skipped::add).build());

    assertThat(result.added()).isEqualTo(1);
    assertThat(skipped).singleElement().satisfies(line -> {
      assertThat(line.line()).isEqualTo(1);
      assertThat(line.message()).contains("more than the 100");
    });
  }

  @Test
  void termsThatRdf4jWouldStoreWrongAreSyntaxErrorsAndChangeNothing() {
    StoreSnapshot before = StoreSnapshot.of(store);
    List<String> refused = List.of(
        "<http://a> <http://b> \"x\"@en- .",
        "<http://a> <http://b> \"x\"@-en .",
        "<http://a> <http://b> \"1\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .",
        "<http://a> <http://b> \"1\"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString> .",
        "<http://a> <http://b> \"a\\uD800b\" .",
        "<http://a> <http://b> \"a\\uDC00\" .",
        "<http://a/\\uD800> <http://b> \"x\" .",
        "_:b\\uD800 <http://b> \"x\" .");
    for (String line : refused) {
      assertThatThrownBy(() -> store.importNTriples(bytes(line + "\n"), ImportOptions.strict()))
          .as(line).isInstanceOf(NTriplesSyntaxException.class)
          .hasMessageMatching("(?s).*(surrogate|language tag|needs a language tag|line 1).*");
    }
    assertThat(StoreSnapshot.of(store)).isEqualTo(before);
  }

  @Test
  void aLanguageTagWithSubtagsAndASurrogatePairAreStoredAsTheyCame() {
    String line = "<http://example.org/\uD83D\uDE00> <http://example.org/p> \"\uD834\uDD1E\"@en-GB-1901 .";
    store.importNTriples(bytes(line + "\n"), ImportOptions.strict());

    Triple stored = Triple.of(Iri.of("http://example.org/\uD83D\uDE00"), Iri.of("http://example.org/p"),
        Literal.lang("\uD834\uDD1E", "en-GB-1901"));
    assertThat(store.contains(stored)).isTrue();
    assertThat(stored.toNTriples()).isEqualTo(line);
    assertThat(Iri.of("http://example.org/a b>").toNTriples()).isEqualTo("<http://example.org/a\\u0020b\\u003E>");
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new InputLimits(0, 10)).hasMessageContaining("maxLineBytes=0");
    assertThatThrownBy(() -> new InputLimits(10, -1)).hasMessageContaining("maxTermBytes=-1");
  }

  private static InputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The start of a triple, then a literal that never ends; counts the bytes it served. */
  private static final class CountingEndlessLine extends InputStream {
    private final byte[] start = "<http://example.org/s> <http://example.org/p> \"".getBytes(StandardCharsets.US_ASCII);
    private final long length;
    long served;

    CountingEndlessLine(long length) {
      this.length = length;
    }

    @Override
    public int read() {
      if (served >= length) {
        return -1;
      }
      return served < start.length ? start[(int) served++] : (served++ & 1) == 0 ? 'x' : 'y';
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      int n = 0;
      while (n < count) {
        int b = read();
        if (b < 0) {
          return n == 0 ? -1 : n;
        }
        buffer[offset + n++] = (byte) b;
      }
      return n;
    }
  }
}
