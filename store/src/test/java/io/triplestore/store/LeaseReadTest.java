package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaseReadTest {

  @TempDir Path directory;
  private final FakeTicker ticker = new FakeTicker();
  private TripleStore store;

  @BeforeEach
  void open() {
    store = TestStores.open(directory, ticker);
    for (int i = 0; i < 100; i++) {
      store.add(triple("s" + i, "p", "o" + i));
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aLeaseSeesItsSnapshotWhileWritesContinue() throws Exception {
    SnapshotLease lease = store.registry().create(Duration.ofMinutes(1));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> writes = writer.submit(() -> {
        for (int i = 0; i < 100; i++) {
          store.remove(triple("s" + i, "p", "o" + i));
          store.add(triple("new" + i, "p", "o" + i));
        }
      });
      // Read repeatedly while the writer runs: every read at the lease sees the original 100.
      for (int round = 0; round < 20; round++) {
        assertThat(store.count(TriplePattern.any(), lease)).isEqualTo(100);
        assertThat(store.count(TriplePattern.of(null, TestStores.iri("p"), null), lease)).isEqualTo(100);
      }
      writes.get(30, TimeUnit.SECONDS);
    } finally {
      writer.shutdownNow();
    }
    try (CloseableIterator<Triple> atLease = store.match(TriplePattern.of(null, TestStores.iri("p"), null), lease)) {
      assertThat(atLease.stream().map(t -> t.subject().toString()))
          .hasSize(100).allMatch(s -> s.startsWith("<http://example.org/s"));
    }
    // Terms first written after the lease are unknown at the lease.
    assertThat(store.count(TriplePattern.of(TestStores.iri("new1"), null, null), lease)).isZero();
    assertThat(store.count(TriplePattern.of(TestStores.iri("new1"), null, null))).isEqualTo(1);
    assertThat(store.count(TriplePattern.of(TestStores.iri("s1"), null, null))).isZero();
    lease.close();
  }

  @Test
  void anIteratorAtALeaseIsNotDisturbedByLaterWrites() {
    SnapshotLease lease = store.registry().create();
    try (CloseableIterator<Triple> iterator = store.match(TriplePattern.any(), lease)) {
      List<Triple> seen = new ArrayList<>();
      seen.add(iterator.next());
      store.remove(store.list(TriplePattern.any(), 100));
      iterator.forEachRemaining(seen::add);
      assertThat(seen).hasSize(100);
    }
    assertThat(store.size()).isZero();
    assertThat(store.size()).isZero();
    assertThat(store.count(TriplePattern.any(), lease)).isEqualTo(100);
    lease.close();
  }

  @Test
  void exportAtALeaseWritesTheSnapshot() {
    SnapshotLease lease = store.registry().create();
    store.add(triple("later", "p", "o"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(store.exportNTriples(out, lease)).isEqualTo(100);
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("later");
    lease.close();
  }

  @Test
  void aReadAtAReleasedLeaseThrowsNamingTheReason() {
    SnapshotLease lease = store.registry().create();
    lease.close();

    assertThatThrownBy(() -> store.match(TriplePattern.any(), lease))
        .isInstanceOfSatisfying(SnapshotReleasedException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseReason.MANUAL));
    assertThatThrownBy(() -> store.count(TriplePattern.of(TestStores.iri("s1"), null, null), lease))
        .isInstanceOf(SnapshotReleasedException.class);
  }

  @Test
  void anIteratorOpenWhenItsLeaseExpiresFailsOnItsNextRead() {
    SnapshotLease lease = store.registry().create(Duration.ofSeconds(10));
    CloseableIterator<Triple> iterator = store.match(TriplePattern.any(), lease);
    iterator.next();

    ticker.advance(Duration.ofSeconds(11));
    store.registry().cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.EXPIRED);
    assertThatThrownBy(() -> {
      while (iterator.hasNext()) {
        iterator.next();
      }
    }).isInstanceOfSatisfying(SnapshotReleasedException.class, e -> assertThat(e.reason()).isEqualTo(ReleaseReason.EXPIRED));
    iterator.close();
    assertThat(store.stats().nativeSnapshots()).isZero();
  }

  @Test
  void aLeaseOfAnotherStoreIsRefused() {
    try (TripleStore other = TestStores.open(directory.resolve("other"), ticker)) {
      SnapshotLease foreign = other.registry().create();
      assertThatThrownBy(() -> store.match(TriplePattern.any(), foreign))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not belong to the registry");
    }
  }
}
