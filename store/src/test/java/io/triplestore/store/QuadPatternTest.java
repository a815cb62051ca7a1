package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.SnapshotLease;
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

/**
 * Every quad pattern shape (subject, predicate, object and graph each bound or free; the graph
 * bound to the default graph or to a named one; every named graph together) against a brute-force
 * model of random data: at the latest state, and at a lease while writes go on.
 */
class QuadPatternTest {

  @TempDir Path directory;
  private TripleStore store;
  private final Random random = new Random(42);
  private final Set<Quad> model = new HashSet<>();
  private final List<Term> subjects = new ArrayList<>();
  private final List<Iri> predicates = new ArrayList<>();
  private final List<Term> objects = new ArrayList<>();
  /** Graph names; {@code null} is the default graph, and it is picked as often as a named one. */
  private final List<Term> graphs = new ArrayList<>();

  @BeforeEach
  void loadRandomData() {
    store = TestStores.open(directory, new FakeTicker());
    for (int i = 0; i < 30; i++) {
      subjects.add(i % 5 == 0 ? BlankNode.of("b" + i) : TestStores.iri("s" + i));
    }
    for (int i = 0; i < 6; i++) {
      predicates.add(TestStores.iri("p" + i));
    }
    for (int i = 0; i < 25; i++) {
      // Some objects are also graph names and subjects: one id in several positions.
      objects.add(i % 3 == 0 ? Literal.of("value " + i) : i % 3 == 1 ? TestStores.iri("g" + (i % 4)) : subjects.get(i));
    }
    graphs.add(null);
    graphs.add(null);
    graphs.add(null);
    graphs.add(TestStores.iri("g0"));
    graphs.add(TestStores.iri("g1"));
    graphs.add(BlankNode.of("graphNode"));
    writeRandomly(3000, 4);
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyShapeMatchesTheBruteForceModelAtTheLatestState() {
    for (int round = 0; round < 30; round++) {
      for (QuadPattern pattern : everyShape(randomQuad())) {
        assertMatches(pattern, model, null);
      }
    }
  }

  @Test
  void everyShapeMatchesTheModelAsOfALeaseWhileWritesGoOn() {
    try (SnapshotLease lease = store.registry().create()) {
      Set<Quad> asOfLease = Set.copyOf(model);
      // New terms (never at the lease), removes and adds of existing quads, new named graphs.
      for (int i = 0; i < 10; i++) {
        subjects.add(TestStores.iri("late-s" + i));
        graphs.add(TestStores.iri("late-g" + i));
      }
      writeRandomly(1500, 2);
      assertThat(model).isNotEqualTo(asOfLease);
      for (int round = 0; round < 30; round++) {
        Quad probe = randomQuad();
        for (QuadPattern pattern : everyShape(probe)) {
          assertMatches(pattern, asOfLease, lease);
          assertMatches(pattern, model, null);
        }
      }
      for (Quad quad : asOfLease) {
        assertThat(store.count(exact(quad), lease)).as("%s at the lease", quad).isEqualTo(1);
      }
    }
  }

  @Test
  void graphsAreListedCountedAndClearedOneAtATime() {
    Term g1 = TestStores.iri("g1");
    assertThat(store.namedGraphs()).containsExactlyInAnyOrderElementsOf(
        model.stream().map(Quad::graph).filter(g -> g != null).collect(Collectors.toSet()));
    for (Term graph : graphs) {
      GraphSelector selector = graph == null ? GraphSelector.DEFAULT : GraphSelector.named(graph);
      assertThat(store.size(selector)).as("size of %s", graph).isEqualTo(model.stream().filter(q -> selector.selects(q.graph())).count());
    }
    assertThat(store.size(GraphSelector.NAMED)).isEqualTo(model.stream().filter(q -> q.graph() != null).count());
    assertThat(store.size()).isEqualTo(model.size());

    long inG1 = store.size(GraphSelector.named(g1));
    assertThat(store.clear(GraphSelector.named(g1)).applied()).isEqualTo(inG1);
    model.removeIf(q -> g1.equals(q.graph()));

    assertThat(store.namedGraphs()).doesNotContain(g1);
    assertThat(store.size(GraphSelector.named(g1))).isZero();
    assertMatches(QuadPattern.any(), model, null);
    assertThat(store.verify().violations()).isEmpty();

    assertThat(store.clear(GraphSelector.DEFAULT).applied()).isPositive();
    model.removeIf(Quad::inDefaultGraph);
    assertMatches(QuadPattern.any(), model, null);
    assertThat(store.size(GraphSelector.DEFAULT)).isZero();

    store.clear(GraphSelector.NAMED);
    assertThat(store.namedGraphs()).isEmpty();
    assertThat(store.size()).isZero();
    assertThat(store.verify().violations()).isEmpty();
  }

  @Test
  void theSameTripleInTwoGraphsIsTwoQuads() {
    Triple triple = TestStores.triple("x", "p", "y");
    store.clear(GraphSelector.ALL);
    assertThat(store.add(Quad.of(triple, null))).isTrue();
    assertThat(store.add(Quad.of(triple, TestStores.iri("g")))).isTrue();
    assertThat(store.add(Quad.of(triple, TestStores.iri("g")))).as("already there").isFalse();

    assertThat(store.count(QuadPattern.of(triple.subject(), null, null, GraphSelector.ALL))).isEqualTo(2);
    assertThat(store.contains(triple)).isTrue();
    assertThat(store.remove(triple)).as("from the default graph").isTrue();
    assertThat(store.contains(triple)).isFalse();
    assertThat(store.contains(Quad.of(triple, TestStores.iri("g")))).isTrue();
    assertThat(store.remove(Quad.of(triple, TestStores.iri("other")))).as("not in that graph").isFalse();
  }

  @Test
  void aNamedGraphIsNotTheDefaultGraphAndTheTripleApiReadsOnlyTheDefaultGraph() {
    store.clear(GraphSelector.ALL);
    store.add(Quad.of(TestStores.triple("x", "p", "y"), TestStores.iri("g")));
    assertThat(store.list(TriplePattern.any(), 10)).isEmpty();
    assertThat(store.count(TriplePattern.any())).isZero();
    assertThat(store.size()).isEqualTo(1);
  }

  /** Adds and removes random quads, keeping the model in step; one in {@code removeEvery} removes. */
  private void writeRandomly(int quads, int removeEvery) {
    List<Quad> adds = new ArrayList<>();
    for (int i = 0; i < quads; i++) {
      adds.add(randomQuad());
    }
    store.addQuads(adds);
    model.addAll(adds);
    List<Quad> removes = model.stream().filter(q -> random.nextInt(removeEvery) == 0).toList();
    // Some removes of quads that are not there: no-ops.
    List<Quad> withMisses = new ArrayList<>(removes);
    withMisses.add(randomQuad());
    ChangeResult result = store.removeQuads(withMisses);
    removes.forEach(model::remove);
    assertThat(result.applied()).isEqualTo(removes.size());
  }

  private Quad randomQuad() {
    return Quad.of(pick(subjects), pick(predicates), pick(objects), pick(graphs));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Every bound/free combination of the probe's positions, with every kind of graph selector. */
  private static List<QuadPattern> everyShape(Quad probe) {
    List<QuadPattern> patterns = new ArrayList<>();
    for (int mask = 0; mask < 8; mask++) {
      Term s = (mask & 1) != 0 ? probe.subject() : null;
      Term p = (mask & 2) != 0 ? probe.predicate() : null;
      Term o = (mask & 4) != 0 ? probe.object() : null;
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.ALL));
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.of(true, probe.graph())));
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.DEFAULT));
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.NAMED));
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.named(TestStores.iri("g0"))));
      patterns.add(QuadPattern.of(s, p, o, GraphSelector.named(TestStores.iri("no-such-graph"))));
    }
    return patterns;
  }

  private static QuadPattern exact(Quad quad) {
    return QuadPattern.of(quad.subject(), quad.predicate(), quad.object(), GraphSelector.of(true, quad.graph()));
  }

  private void assertMatches(QuadPattern pattern, Set<Quad> expectedModel, SnapshotLease lease) {
    Set<Quad> expected = expectedModel.stream().filter(pattern::matches).collect(Collectors.toSet());
    List<Quad> actual;
    try (CloseableIterator<Quad> matches = lease == null ? store.match(pattern) : store.match(pattern, lease)) {
      actual = matches.stream().toList();
    }
    String at = lease == null ? "latest" : "lease";
    assertThat(actual).as("%s at %s", pattern, at).doesNotHaveDuplicates();
    assertThat(new HashSet<>(actual)).as("%s at %s", pattern, at).isEqualTo(expected);
    long count = lease == null ? store.count(pattern) : store.count(pattern, lease);
    assertThat(count).as("count of %s at %s", pattern, at).isEqualTo(expected.size());
    if (expected.size() > 1) {
      long limit = expected.size() - 1;
      try (CloseableIterator<Quad> limited = lease == null ? store.match(pattern, limit) : store.match(pattern, lease, limit)) {
        assertThat(limited.stream().count()).as("limit of %s at %s", pattern, at).isEqualTo(limit);
      }
    }
  }
}
