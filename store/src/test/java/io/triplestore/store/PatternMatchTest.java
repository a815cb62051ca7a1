package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternMatchTest {

  @TempDir Path directory;
  private TripleStore store;
  private final Set<Triple> model = new HashSet<>();
  private final List<Term> subjects = new ArrayList<>();
  private final List<Iri> predicates = new ArrayList<>();
  private final List<Term> objects = new ArrayList<>();

  @BeforeEach
  void loadRandomData() {
    store = TestStores.open(directory, new FakeTicker());
    Random random = new Random(42);
    for (int i = 0; i < 40; i++) {
      subjects.add(i % 5 == 0 ? BlankNode.of("b" + i) : TestStores.iri("s" + i));
    }
    for (int i = 0; i < 8; i++) {
      predicates.add(TestStores.iri("p" + i));
    }
    for (int i = 0; i < 30; i++) {
      objects.add(i % 3 == 0 ? Literal.of("value " + i) : i % 3 == 1 ? TestStores.iri("o" + i) : subjects.get(i));
    }
    List<Triple> batch = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Triple triple = Triple.of(pick(random, subjects), pick(random, predicates), pick(random, objects));
      batch.add(triple);
      model.add(triple);
    }
    store.add(batch);
    // Remove some, so the indexes must agree on deletions too.
    List<Triple> removed = model.stream().filter(t -> random.nextInt(4) == 0).toList();
    store.remove(removed);
    removed.forEach(model::remove);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyBoundUnboundShapeMatchesTheBruteForceModel() {
    Random random = new Random(7);
    for (int round = 0; round < 25; round++) {
      Triple sample = pick(random, List.copyOf(model));
      for (int shape = 0; shape < 8; shape++) {
        TriplePattern pattern = TriplePattern.of(
            (shape & 4) != 0 ? sample.subject() : null,
            (shape & 2) != 0 ? sample.predicate() : null,
            (shape & 1) != 0 ? sample.object() : null);
        assertMatchesModel(pattern);
      }
    }
  }

  @Test
  void patternsWithTermsThatHaveNoTriplesMatchNothing() {
    assertMatchesModel(TriplePattern.of(TestStores.iri("never-seen"), null, null));
    assertMatchesModel(TriplePattern.of(null, null, Literal.lang("value 0", "en")));
    // A literal in the dictionary (as an object) bound as subject or predicate.
    assertMatchesModel(TriplePattern.of(Literal.of("value 0"), null, null));
    assertMatchesModel(TriplePattern.of(null, Literal.of("value 0"), null));
    // Known terms in a combination that does not occur.
    Triple absent = Triple.of(subjects.get(1), predicates.get(0), objects.get(1));
    model.remove(absent);
    store.remove(absent);
    assertMatchesModel(TriplePattern.of(absent.subject(), absent.predicate(), absent.object()));
  }

  @Test
  void limitStopsTheStreamAndCountIsExact() {
    TriplePattern byPredicate = TriplePattern.of(null, predicates.get(3), null);
    long expected = model.stream().filter(byPredicate::matches).count();
    assertThat(store.list(byPredicate, 5)).hasSize(5).allMatch(byPredicate::matches);
    assertThat(store.list(byPredicate, 0)).isEmpty();
    assertThat(store.count(byPredicate)).isEqualTo(expected);
    assertThat(store.size()).isEqualTo(model.size());
    assertThat(store.count(TriplePattern.any())).isEqualTo(model.size());
  }

  @Test
  void streamOfAMatchClosesItsIterator() {
    try (var triples = store.match(TriplePattern.of(subjects.get(2), null, null)).stream()) {
      assertThat(triples.count()).isEqualTo(model.stream().filter(t -> t.subject().equals(subjects.get(2))).count());
    }
  }

  private void assertMatchesModel(TriplePattern pattern) {
    Set<Triple> expected = model.stream().filter(pattern::matches).collect(Collectors.toSet());
    List<Triple> actual = store.list(pattern, Long.MAX_VALUE);
    assertThat(actual).as("matches of %s", pattern).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(store.count(pattern)).as("count of %s", pattern).isEqualTo(expected.size());
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
