package io.triplestore.store;

import static io.triplestore.store.TestStores.iri;
import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads at a lease use the term caches, which latest reads keep filling with terms written after
 * the lease: a read at a lease still returns exactly what was there at the lease, and a read at a
 * released lease still fails.
 */
class LeaseReadWithCachesTest {

  private static final int ENTITIES = 50;

  @TempDir Path directory;
  private TripleStore store;
  private Set<Triple> atStart;

  @BeforeEach
  void open() {
    store = TestStores.open(directory, new FakeTicker());
    for (int i = 0; i < ENTITIES; i++) {
      store.add(triple("s" + i, "p", "o" + i));
      store.add(triple("s" + i, "knows", "s" + ((i + 1) % ENTITIES)));
    }
    atStart = Set.copyOf(store.list(TriplePattern.any(), Long.MAX_VALUE));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyPatternAtALeaseAnswersWhatWasThereWhileWritesAddTermsAndRemoveTriples() throws Exception {
    SnapshotLease lease = store.registry().create();
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes = writer.submit(() -> {
        for (int i = 0; i < ENTITIES; i++) {
          store.remove(triple("s" + i, "p", "o" + i));
          store.add(triple("s" + i, "p", "late" + i));
          store.add(triple("late" + i, "knows", "s" + i));
          // Latest reads put the new terms in the caches that the reads at the lease share.
          assertThat(store.count(TriplePattern.of(iri("late" + i), null, null))).isOne();
        }
      });
      while (!writes.isDone()) {
        assertThat(Set.copyOf(listAt(TriplePattern.any(), lease))).isEqualTo(atStart);
      }
      writes.get(30, TimeUnit.SECONDS);
    } finally {
      writer.shutdownNow();
    }

    for (int i = 0; i < ENTITIES; i++) {
      Iri subject = iri("s" + i);
      Iri entity = iri("o" + i);
      assertMatchesAtLease(lease, TriplePattern.of(subject, null, null), t -> t.subject().equals(subject));
      assertMatchesAtLease(lease, TriplePattern.of(null, iri("p"), entity), t -> t.object().equals(entity));
      assertMatchesAtLease(lease, TriplePattern.of(null, null, subject), t -> t.object().equals(subject));
    }
    assertThat(store.count(TriplePattern.any(), lease)).isEqualTo(atStart.size());
    lease.close();
  }

  @Test
  void aTermCreatedAfterTheLeaseMatchesNothingAtTheLeaseThoughTheCachesKnowIt() {
    SnapshotLease lease = store.registry().create();
    store.add(List.of(triple("late", "p", "o1"), triple("s1", "late", "o1"), triple("s1", "p", "late")));
    // Latest reads of every position: the late term and its id are now in both caches.
    assertThat(store.count(TriplePattern.of(iri("late"), null, null))).isOne();
    assertThat(store.count(TriplePattern.of(null, iri("late"), null))).isOne();
    assertThat(store.list(TriplePattern.of(null, null, iri("late")), 10)).containsExactly(triple("s1", "p", "late"));

    for (TriplePattern pattern : List.of(
        TriplePattern.of(iri("late"), null, null),
        TriplePattern.of(null, iri("late"), null),
        TriplePattern.of(null, null, iri("late")),
        TriplePattern.of(iri("s1"), iri("late"), null),
        TriplePattern.of(null, iri("p"), iri("late")))) {
      assertThat(store.count(pattern, lease)).as("count %s", pattern).isZero();
      assertThat(listAt(pattern, lease)).as("match %s", pattern).isEmpty();
    }
    assertMatchesAtLease(lease, TriplePattern.of(iri("s1"), null, null), t -> t.subject().equals(iri("s1")));
    lease.close();
  }

  @Test
  void aReadAtAReleasedLeaseThrowsWhetherItsTermsAreCachedOrNot() {
    SnapshotLease lease = store.registry().create();
    // Every term of the store in both caches.
    assertThat(store.list(TriplePattern.any(), Long.MAX_VALUE)).hasSize(atStart.size());
    atStart.forEach(t -> assertThat(store.count(TriplePattern.of(t.subject(), t.predicate(), t.object()))).isOne());
    lease.close();

    for (TriplePattern pattern : List.of(
        TriplePattern.of(iri("s1"), null, null),
        TriplePattern.of(null, iri("p"), iri("o1")),
        TriplePattern.of(null, null, iri("s1")),
        TriplePattern.of(iri("s1"), iri("p"), iri("o1")),
        TriplePattern.of(iri("never-written"), null, null),
        TriplePattern.any())) {
      assertThatThrownBy(() -> store.count(pattern, lease)).as("count %s", pattern)
          .isInstanceOfSatisfying(SnapshotReleasedException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseReason.MANUAL));
      assertThatThrownBy(() -> listAt(pattern, lease)).as("match %s", pattern)
          .isInstanceOf(SnapshotReleasedException.class);
    }
  }

  private List<Triple> listAt(TriplePattern pattern, SnapshotLease lease) {
    try (CloseableIterator<Triple> matches = store.match(pattern, lease)) {
      return matches.stream().toList();
    }
  }

  private void assertMatchesAtLease(SnapshotLease lease, TriplePattern pattern, Predicate<Triple> filter) {
    Set<Triple> expected = atStart.stream().filter(filter).collect(Collectors.toSet());
    assertThat(expected).as("the test's own pattern %s", pattern).isNotEmpty();
    assertThat(new HashSet<>(listAt(pattern, lease))).as("match %s", pattern).isEqualTo(expected);
    assertThat(store.count(pattern, lease)).as("count %s", pattern).isEqualTo(expected.size());
  }
}
