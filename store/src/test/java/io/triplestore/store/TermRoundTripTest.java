package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TermRoundTripTest {

  private static final Iri XSD_INTEGER = Iri.of("http://www.w3.org/2001/XMLSchema#integer");

  @TempDir Path directory;

  static List<Term> everyKindOfTerm() {
    return List.of(
        Iri.of("http://example.org/plain"),
        Iri.of("http://例え.jp/ドキュメント#ß"),
        Iri.of("urn:x:with%20escapes"),
        BlankNode.of("b0"),
        BlankNode.of("node-with.dots_and-dashes"),
        Literal.of(""),
        Literal.of("plain"),
        Literal.of("quote \" backslash \\ newline \n return \r tab \t"),
        Literal.of("emoji 😀 and CJK 漢字 and combining é"),
        Literal.of("nul \u0000 and bell \u0007"),
        Literal.of("x".repeat(InputLimits.DEFAULT_MAX_TERM_BYTES)), // the largest an import takes by default
        Literal.lang("chat", "fr"),
        Literal.lang("colour", "en-GB"),
        Literal.lang("", "de"),
        Literal.typed("42", XSD_INTEGER),
        Literal.typed("\"tricky\" typed", Iri.of("http://example.org/datatype")));
  }

  @Test
  void everyTermKindSurvivesTheDictionary() {
    List<Term> terms = everyKindOfTerm();
    Iri predicate = Iri.of("http://example.org/p");
    Iri subject = Iri.of("http://example.org/s");
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      for (Term term : terms) {
        store.add(Triple.of(subject, predicate, term));
        if (!(term instanceof Literal)) {
          store.add(Triple.of(term, predicate, subject));
        }
      }
      Set<Term> objects = new HashSet<>();
      store.match(TriplePattern.of(subject, predicate, null)).forEachRemaining(t -> objects.add(t.object()));
      assertThat(objects).containsExactlyInAnyOrderElementsOf(terms);
      for (Term term : terms) {
        assertThat(store.count(TriplePattern.of(null, null, term))).as("term %s", term).isEqualTo(1);
      }
      assertThat(store.stats().distinctTerms()).isEqualTo(terms.size() + 2);
    }
  }

  @Test
  void everyTermKindSurvivesExportAndImport() {
    List<Term> terms = everyKindOfTerm();
    Iri predicate = Iri.of("http://example.org/p");
    ByteArrayOutputStream exported = new ByteArrayOutputStream();
    try (TripleStore store = TestStores.open(directory.resolve("a"), new FakeTicker())) {
      for (Term term : terms) {
        store.add(Triple.of(BlankNode.of("s"), predicate, term));
      }
      assertThat(store.exportNTriples(exported)).isEqualTo(terms.size());
    }
    try (TripleStore copy = TestStores.open(directory.resolve("b"), new FakeTicker())) {
      ImportResult result = copy.importNTriples(new ByteArrayInputStream(exported.toByteArray()), ImportOptions.strict());
      assertThat(result.added()).isEqualTo(terms.size());
      assertThat(copy.list(TriplePattern.of(BlankNode.of("s"), predicate, null), 100))
          .extracting(Triple::object)
          .containsExactlyInAnyOrderElementsOf(terms);
    }
  }

  @Test
  void nTriplesTextFormParsesBackToTheSameTerm() {
    for (Term term : everyKindOfTerm()) {
      assertThat(Term.parse(term.toNTriples())).as("%s", term).isEqualTo(term);
    }
    assertThat(Literal.lang("chat", "fr").toNTriples()).isEqualTo("\"chat\"@fr");
    assertThat(Literal.of("a\"b\n").toNTriples()).isEqualTo("\"a\\\"b\\n\"");
    assertThat(Literal.typed("42", XSD_INTEGER).toNTriples())
        .isEqualTo("\"42\"^^<http://www.w3.org/2001/XMLSchema#integer>");
    assertThat(Term.parse("\"caf\\u00E9\"")).isEqualTo(Literal.of("café"));
  }

  @Test
  void badTermsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> Term.parse("not a term")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a term");
    assertThatThrownBy(() -> Iri.of("")).hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> new Literal("x", Literal.XSD_STRING, "en")).hasMessageContaining("rdf:langString");
    assertThatThrownBy(() -> Triple.of(Literal.of("x"), Iri.of("http://p"), Literal.of("y")))
        .hasMessageContaining("subject must be an IRI or a blank node");
  }

  @Test
  void aTermThatCannotBeStoredExactlyIsRefusedAndNothingIsWritten() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      Triple loneSurrogate = Triple.of(Iri.of("http://s"), Iri.of("http://p"), Literal.of("broken \uD800 text"));
      assertThatThrownBy(() -> store.add(loneSurrogate)).hasMessageContaining("unpaired surrogate U+D800");
      assertThat(store.size()).isZero();
      assertThat(store.stats().distinctTerms()).isZero();
    }
  }

  @Test
  void utf8InputBytesArePreserved() {
    String line = "<http://s> <http://p> \"Grüße, 世界\"@de .\n";
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.importNTriples(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), ImportOptions.strict());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      store.exportNTriples(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(line);
    }
  }
}
