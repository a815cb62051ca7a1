package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {

  @TempDir Path directory;
  private final FakeTicker ticker = new FakeTicker();

  @Test
  void closeReleasesEveryOpenLeaseWithReasonClosed() {
    List<ReleaseReason> reasons = new ArrayList<>();
    SnapshotListener listener = new SnapshotListener() {
      @Override
      public void onReleased(SnapshotLease lease, ReleaseReason reason) {
        reasons.add(reason);
      }
    };
    TripleStore store = TripleStore.open(directory, TestStores.options(ticker)
        .registry(registry -> registry.ticker(ticker).listener(listener).name("lifecycle"))
        .build());
    store.add(triple("s", "p", "o"));
    SnapshotLease first = store.registry().create();
    SnapshotLease second = store.registry().create();
    CloseableIterator<Triple> openAtLease = store.match(TriplePattern.any(), first);

    store.close();

    assertThat(reasons).containsExactly(ReleaseReason.CLOSED, ReleaseReason.CLOSED);
    assertThat(first.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(second.isReleased()).isTrue();
    assertThat(store.registry().isClosed()).isTrue();
    assertThatThrownBy(openAtLease::next).isInstanceOf(SnapshotReleasedException.class);
  }

  @Test
  void closeEndsIteratorsLeftOpenAndRefusesLaterCalls() {
    TripleStore store = TestStores.open(directory, ticker);
    store.add(triple("s1", "p", "o"));
    store.add(triple("s2", "p", "o"));
    CloseableIterator<Triple> leftOpen = store.match(TriplePattern.any());
    leftOpen.next();

    store.close();
    store.close();

    assertThatThrownBy(leftOpen::hasNext).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.add(triple("s3", "p", "o"))).isInstanceOf(StoreClosedException.class)
        .hasMessageContaining("is closed");
    assertThatThrownBy(() -> store.count(TriplePattern.any())).isInstanceOf(StoreClosedException.class);
    assertThatThrownBy(() -> store.registry().create()).isInstanceOf(IllegalStateException.class);
    leftOpen.close();
  }

  @Test
  void reopeningKeepsTriplesTermsAndCounts() {
    Triple literalTriple = Triple.of(BlankNode.of("b"), TestStores.iri("p"), Literal.lang("hallo", "de"));
    try (TripleStore store = TestStores.open(directory, ticker)) {
      store.add(List.of(triple("s1", "p", "o"), triple("s2", "p", "o"), literalTriple));
      store.remove(triple("s2", "p", "o"));
    }
    try (TripleStore reopened = TestStores.open(directory, ticker)) {
      assertThat(reopened.size()).isEqualTo(2);
      assertThat(reopened.list(TriplePattern.any(), 10)).containsExactlyInAnyOrder(triple("s1", "p", "o"), literalTriple);
      long termsBefore = reopened.stats().distinctTerms();
      // Known terms keep their ids: adding triples of old terms adds no terms.
      reopened.add(triple("s1", "p", "s2"));
      assertThat(reopened.stats().distinctTerms()).isEqualTo(termsBefore);
      reopened.add(triple("brand-new", "p", "o"));
      assertThat(reopened.stats().distinctTerms()).isEqualTo(termsBefore + 1);
      assertThat(reopened.count(TriplePattern.of(TestStores.iri("brand-new"), null, null))).isEqualTo(1);
    }
  }

  @Test
  void openingAPathThatIsAFileFailsWithAMessage() throws Exception {
    Path file = java.nio.file.Files.writeString(directory.resolve("not-a-directory"), "x");
    assertThatThrownBy(() -> TripleStore.open(file)).isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aSecondStoreOnTheSameDirectoryIsRefusedWhileTheFirstIsOpen() {
    try (TripleStore store = TestStores.open(directory, ticker)) {
      assertThatThrownBy(() -> TestStores.open(directory, ticker)).isInstanceOf(StoreException.class)
          .hasMessageContaining("cannot open the triple store at " + directory);
      assertThat(store.size()).isZero();
    }
  }
}
