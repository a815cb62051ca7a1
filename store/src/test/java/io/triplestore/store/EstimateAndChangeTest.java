package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateAndChangeTest {

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

  @Test
  void smallMatchesAreCountedExactlyAndLargeOnesEstimatedWithinAFactorOfTwo() {
    List<Quad> quads = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      Iri predicate = TestStores.iri(i % 50 == 1 ? "rare" : "common");
      quads.add(Quad.of(TestStores.iri("s" + i), predicate, Literal.of("v" + i), i % 2 == 0 ? null : TestStores.iri("g")));
    }
    store.addQuads(quads);
    store.flush();

    QuadPattern one = QuadPattern.of(TestStores.iri("s7"), null, null, GraphSelector.ALL);
    assertThat(store.estimate(one)).isEqualTo(1);
    assertThat(store.estimate(QuadPattern.of(TestStores.iri("nobody"), null, null, GraphSelector.ALL))).isZero();
    assertThat(store.estimate(QuadPattern.any())).isEqualTo(20_000);
    assertThat(store.estimate(QuadPattern.of(null, null, null, GraphSelector.named(TestStores.iri("g"))))).isEqualTo(10_000);

    long common = store.estimate(QuadPattern.of(null, TestStores.iri("common"), null, GraphSelector.ALL));
    assertThat(common).isBetween(19_600L / 2, 19_600L * 2);
    long rare = store.estimate(QuadPattern.of(null, TestStores.iri("rare"), null, GraphSelector.NAMED));
    assertThat(rare).as("400 rare quads, all in g: counted").isEqualTo(400);
    assertThat(store.estimate(QuadPattern.of(null, TestStores.iri("rare"), null, GraphSelector.DEFAULT))).isZero();
    assertThat(common).isGreaterThan(rare);
  }

  @Test
  void aLargeMatchStillInTheMemtableIsEstimatedNotCappedAtTheExactBound() {
    List<Quad> quads = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      quads.add(Quad.of(TestStores.iri("s" + i), TestStores.iri("p"), Literal.of("v" + i), null));
    }
    store.addQuads(quads);

    assertThat(store.estimate(QuadPattern.of(null, TestStores.iri("p"), null, GraphSelector.DEFAULT)))
        .isBetween(2_500L, 10_000L);
  }

  @Test
  void aChangeRemovesAndAddsInOneBatch() {
    Quad old = Quad.of(TestStores.triple("a", "p", "old"), TestStores.iri("g"));
    Quad replacement = Quad.of(TestStores.triple("a", "p", "new"), TestStores.iri("g"));
    store.add(old);

    ChangeResult result = store.change(List.of(old, replacement), List.of(replacement, replacement));

    assertThat(result).isEqualTo(new ChangeResult(2, 2));
    assertThat(store.list(QuadPattern.any(), 10)).containsExactly(replacement);
    assertThat(store.verify().violations()).isEmpty();
  }

  @Test
  void aChangeClearsGraphsThenRemovesThenAddsInOneBatch() {
    Iri g = TestStores.iri("g");
    Quad inG = Quad.of(TestStores.triple("a", "p", "1"), g);
    Quad alsoInG = Quad.of(TestStores.triple("a", "p", "2"), g);
    Quad inDefault = Quad.of(TestStores.triple("a", "p", "3"), null);
    Quad inH = Quad.of(TestStores.triple("a", "p", "4"), TestStores.iri("h"));
    store.addQuads(List.of(inG, alsoInG, inDefault, inH));
    Quad readded = alsoInG;
    Quad added = Quad.of(TestStores.triple("b", "p", "5"), g);

    ChangeResult result = store.change(List.of(GraphSelector.named(g)), List.of(inG, inDefault), List.of(readded, added));

    // Cleared: 2; inG's remove finds it cleared (a no-op), inDefault's is applied; both adds applied.
    assertThat(result).isEqualTo(new ChangeResult(5, 1));
    assertThat(store.list(QuadPattern.any(), 10)).containsExactlyInAnyOrder(readded, added, inH);
    assertThat(store.size(GraphSelector.named(g))).isEqualTo(2);
    assertThat(store.size(GraphSelector.DEFAULT)).isZero();
    assertThat(store.verify().violations()).isEmpty();
  }

  /** Clears that overlap (a graph, every named graph, everything) remove and count each quad once. */
  @Test
  void overlappingClearsInOneChangeCountEachQuadOnce() {
    Iri g = TestStores.iri("g");
    store.addQuads(List.of(
        Quad.of(TestStores.triple("a", "p", "1"), g),
        Quad.of(TestStores.triple("a", "p", "2"), TestStores.iri("h")),
        Quad.of(TestStores.triple("a", "p", "3"), null)));

    ChangeResult named = store.change(List.of(GraphSelector.named(g), GraphSelector.NAMED, GraphSelector.named(g)),
        List.of(), List.of());
    assertThat(named).isEqualTo(new ChangeResult(2, 0));
    store.add(Quad.of(TestStores.triple("a", "p", "1"), g));
    ChangeResult all = store.change(List.of(GraphSelector.DEFAULT, GraphSelector.ALL, GraphSelector.NAMED),
        List.of(), List.of());

    assertThat(all).isEqualTo(new ChangeResult(2, 0));
    assertThat(store.size(GraphSelector.ALL)).isZero();
    assertThat(store.namedGraphs()).isEmpty();
    assertThat(store.verify().violations()).isEmpty();
  }
}
