package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.SnapshotLease;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SST bulk load ({@link SstBulkLoader}) against the one write path: the same quads, counts and
 * dictionary invariants; all or nothing on a syntax error; complete after a crash past its journal
 * record, absent after a crash before it; invisible to a lease taken before it.
 */
class SstBulkLoadTest {

  private static final Iri[] GRAPHS = {TestStores.iri("g1"), TestStores.iri("g2"), TestStores.iri("g3")};

  @TempDir Path directory;
  @TempDir Path reference;

  /** Quads in the default and three named graphs, with blank nodes, literals and repeats. */
  static List<Quad> quads(int count) {
    List<Quad> quads = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Term subject = i % 7 == 0 ? new BlankNode("b" + (i % 50)) : TestStores.iri("s" + (i % 300));
      Term object = switch (i % 4) {
        case 0 -> TestStores.iri("o" + (i % 500));
        case 1 -> Literal.lang("name " + (i % 200), i % 2 == 0 ? "en" : "de");
        case 2 -> Literal.typed(Integer.toString(i % 90), Iri.of("http://www.w3.org/2001/XMLSchema#integer"));
        default -> Literal.of("text\twith \"quotes\" " + (i % 400));
      };
      Term graph = i % 3 == 0 ? null : GRAPHS[i % GRAPHS.length];
      quads.add(Quad.of(subject, TestStores.iri("p" + (i % 11)), object, graph));
    }
    return quads;
  }

  static InputStream nquads(List<Quad> quads) {
    StringBuilder text = new StringBuilder();
    for (Quad quad : quads) {
      text.append(quad.toNQuads()).append('\n');
    }
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Set<Quad> all(TripleStore store) {
    return new HashSet<>(store.list(QuadPattern.of(null, null, null, GraphSelector.ALL), Long.MAX_VALUE));
  }

  private static void assertSameStore(TripleStore actual, TripleStore expected) {
    assertThat(actual.verify().violations()).isEmpty();
    assertThat(all(actual)).isEqualTo(all(expected));
    assertThat(actual.size(GraphSelector.DEFAULT)).isEqualTo(expected.size(GraphSelector.DEFAULT));
    for (Iri graph : GRAPHS) {
      assertThat(actual.size(GraphSelector.named(graph))).as("quads in %s", graph)
          .isEqualTo(expected.size(GraphSelector.named(graph)));
    }
    assertThat(actual.size()).isEqualTo(expected.size());
  }

  @Test
  void aLoadIntoAnEmptyStoreEqualsTheSameQuadsAddedOneWriteAtATime() {
    List<Quad> quads = quads(20_000);
    try (TripleStore loaded = TestStores.open(directory, new FakeTicker());
        TripleStore added = TestStores.open(reference, new FakeTicker())) {
      List<Long> progress = new ArrayList<>();
      ImportResult result = loaded.bulkLoad(nquads(quads), RDFFormat.NQUADS,
          ImportOptions.builder().progress(progress::add).build());
      ChangeResult expected = added.addQuads(quads);

      assertThat(result.added()).isEqualTo(expected.applied());
      assertThat(result.noOps()).isEqualTo(expected.noOps());
      assertThat(progress).containsExactly((long) quads.size());
      assertSameStore(loaded, added);
      assertThat(Files.exists(directory.resolve(BulkLoadJournal.DIRECTORY).resolve("load"))).isFalse();
    }
  }

  @Test
  void sortedRunsSpilledToDiskAndAFullTermMapGiveTheSameStore() {
    List<Quad> quads = quads(20_000);
    try (TripleStore added = TestStores.open(reference, new FakeTicker())) {
      added.addQuads(quads);
      // 64 KiB runs: dozens of spills per column family; a 100-term map: terms committed early.
      try (LowLevelStore low = new LowLevelStore(directory, BulkLoadJournal.StepHook.NONE, 64 << 10, 100)) {
        low.loader.load(nquads(quads), RDFFormat.NQUADS, ImportOptions.strict());
      }
      try (TripleStore loaded = TestStores.open(directory, new FakeTicker())) {
        assertSameStore(loaded, added);
      }
    }
  }

  @Test
  void aLoadIntoAStoreWithDataCountsWhatItHoldsOnce() {
    List<Quad> first = quads(6_000);
    List<Quad> second = quads(12_000).subList(3_000, 12_000);
    try (TripleStore loaded = TestStores.open(directory, new FakeTicker());
        TripleStore added = TestStores.open(reference, new FakeTicker())) {
      loaded.addQuads(first);
      added.addQuads(first);
      ImportResult result = loaded.bulkLoad(nquads(second), RDFFormat.NQUADS, ImportOptions.strict());
      ChangeResult expected = added.addQuads(second);

      assertThat(result.added()).isEqualTo(expected.applied());
      assertThat(result.noOps()).isEqualTo(expected.noOps());
      assertSameStore(loaded, added);
      // The writer took over the load's counters and ids: later writes agree with the indexes.
      Quad later = Quad.of(TestStores.iri("later"), TestStores.iri("p"), Literal.of("new term"), GRAPHS[0]);
      loaded.add(later);
      added.add(later);
      assertSameStore(loaded, added);
    }
  }

  @Test
  void aSyntaxErrorInTheMiddleLoadsNothingAndNamesTheLine() {
    List<Quad> quads = quads(10_000);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < quads.size(); i++) {
      text.append(i == 6_000 ? "<http://example.org/s> <http://example.org/p> \"unterminated ." : quads.get(i).toNQuads())
          .append('\n');
    }
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(TestStores.triple("before", "p", "o"));
      assertThatThrownBy(() -> store.bulkLoad(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)),
          RDFFormat.NQUADS, ImportOptions.strict()))
          .isInstanceOfSatisfying(BulkLoadException.class, e -> {
            assertThat(e.committedTriples()).isZero();
            assertThat(e.getCause()).isInstanceOfSatisfying(RdfSyntaxException.class,
                syntax -> assertThat(syntax.line()).isEqualTo(6_001));
          });
      assertThat(store.size()).isEqualTo(1);
      assertThat(store.stats().distinctTerms()).isEqualTo(3);
      assertThat(store.verify().violations()).isEmpty();
      assertThat(directory.resolve(BulkLoadJournal.DIRECTORY)).isEmptyDirectory();
    }
  }

  @Test
  void nTriplesSyntaxErrorsAreNTriplesSyntaxExceptionsWithLineAndColumn() {
    String text = "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
        + "<http://example.org/a> <http://example.org/p> <http://example.org/b> <http://example.org/g> .\n";
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      assertThatThrownBy(() -> store.bulkLoad(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          ImportOptions.strict()))
          .hasCauseInstanceOf(NTriplesSyntaxException.class)
          .cause().satisfies(e -> {
            assertThat(((NTriplesSyntaxException) e).line()).isEqualTo(2);
            assertThat(((NTriplesSyntaxException) e).column()).isPositive();
          });
      assertThat(store.size()).isZero();
    }
  }

  @Test
  void aLeaseTakenBeforeTheLoadSeesNoneOfIt() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(TestStores.triple("before", "p", "o"));
      try (SnapshotLease lease = store.registry().create(Duration.ofMinutes(5))) {
        store.bulkLoad(nquads(quads(5_000)), RDFFormat.NQUADS, ImportOptions.strict());

        assertThat(store.count(QuadPattern.of(null, null, null, GraphSelector.ALL), lease)).isEqualTo(1);
        try (CloseableIterator<Quad> seen = store.match(QuadPattern.of(null, null, null, GraphSelector.ALL), lease)) {
          assertThat(seen.next()).isEqualTo(Quad.inDefaultGraph(TestStores.triple("before", "p", "o")));
          assertThat(seen.hasNext()).isFalse();
        }
        assertThat(store.count(QuadPattern.of(null, null, null, GraphSelector.ALL))).isGreaterThan(1);
      }
    }
  }

  /** A crash (the hook throws, the database is closed as a kill would leave it) at each step. */
  @ParameterizedTest
  @EnumSource(BulkLoadJournal.Step.class)
  void aCrashAtEachStepLeavesTheLoadWholeOrAbsentOnReopen(BulkLoadJournal.Step crashAt) {
    List<Quad> before = quads(500);
    List<Quad> load = quads(8_000);
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.addQuads(before);
    }
    try (LowLevelStore low = new LowLevelStore(directory, step -> {
      if (step == crashAt) {
        throw new SimulatedCrash();
      }
    }, 16 << 10, 1_000_000)) {
      assertThatThrownBy(() -> low.loader.load(nquads(load), RDFFormat.NQUADS, ImportOptions.strict()))
          .hasRootCauseInstanceOf(SimulatedCrash.class);
    }
    boolean committed = crashAt != BulkLoadJournal.Step.FILES_SYNCED;
    try (TripleStore reopened = TestStores.open(directory, new FakeTicker());
        TripleStore expected = TestStores.open(reference, new FakeTicker())) {
      expected.addQuads(before);
      if (committed) {
        expected.addQuads(load);
      }
      assertSameStore(reopened, expected);
      assertThat(directory.resolve(BulkLoadJournal.DIRECTORY)).doesNotExist();
      // The allocator is past every id on disk: a new term gets a fresh one.
      Quad later = Quad.of(TestStores.iri("after-crash"), TestStores.iri("p"), Literal.of("fresh"), null);
      reopened.add(later);
      assertThat(reopened.verify().violations()).isEmpty();
    }
  }

  @Test
  void filesOfALoadThatNeverCommittedAreDeletedOnOpen() throws Exception {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(TestStores.triple("a", "p", "o"));
    }
    Path leftover = Files.createDirectories(directory.resolve(BulkLoadJournal.DIRECTORY).resolve("load-x"));
    Files.writeString(leftover.resolve("spo-0.run"), "partial");
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      assertThat(store.size()).isEqualTo(1);
      assertThat(directory.resolve(BulkLoadJournal.DIRECTORY)).doesNotExist();
    }
  }

  /** Thrown by the step hook: the "process" stops there, nothing of the loader's cleanup helps. */
  static final class SimulatedCrash extends Error {
    private static final long serialVersionUID = 1L;
  }

  /** A store's database and writer without the store around them, to drive the loader directly. */
  static final class LowLevelStore implements AutoCloseable {
    final StoreDatabase database;
    final SstBulkLoader loader;

    LowLevelStore(Path directory, BulkLoadJournal.StepHook hook, long runBufferBytes, int termMapMax) {
      StoreOptions options = TestStores.options(new FakeTicker()).build();
      database = StoreDatabase.open(directory, options);
      StoreFormat.upgrade(database);
      Dictionary dictionary = new Dictionary(database, 0);
      TripleWriter writer = new TripleWriter(database, dictionary,
          new LatestKeyReader(database.db, new StoreGuard(directory.toString())), 0);
      loader = new SstBulkLoader(database, directory, writer, hook, runBufferBytes, termMapMax);
    }

    @Override
    public void close() {
      database.close();
    }
  }
}
