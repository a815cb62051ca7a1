package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteTest {

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
  void addingAnExistingTripleIsACountedNoOp() {
    assertThat(store.add(triple("s", "p", "o"))).isTrue();
    assertThat(store.add(triple("s", "p", "o"))).isFalse();

    ChangeResult result = store.add(List.of(triple("s", "p", "o"), triple("s", "p", "o2"), triple("s", "p", "o2")));

    assertThat(result).isEqualTo(new ChangeResult(1, 2));
    assertThat(store.size()).isEqualTo(2);
  }

  @Test
  void removingAMissingTripleIsACountedNoOp() {
    store.add(List.of(triple("s", "p", "o"), triple("s", "p", "o2")));

    ChangeResult result = store.remove(List.of(triple("s", "p", "o"), triple("s", "p", "o"),
        triple("s", "p", "never-added"), triple("unknown", "p", "o")));

    assertThat(result).isEqualTo(new ChangeResult(1, 3));
    assertThat(store.remove(triple("s", "p", "o"))).isFalse();
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.contains(triple("s", "p", "o2"))).isTrue();
    assertThat(store.contains(triple("s", "p", "o"))).isFalse();
  }

  @Test
  void aBatchWithABadTripleWritesNothing() {
    store.add(triple("before", "p", "o"));
    List<Triple> batch = List.of(triple("s1", "p", "o"),
        Triple.of(TestStores.iri("s2"), TestStores.iri("p"), Literal.of("bad \uDC00")));

    assertThatThrownBy(() -> store.add(batch)).isInstanceOf(IllegalArgumentException.class);

    assertThat(store.list(TriplePattern.any(), 10)).containsExactly(triple("before", "p", "o"));
    assertThat(store.stats().distinctTerms()).isEqualTo(3);
    // Ids handed out to the failed batch are handed out again, and resolve to the new terms.
    store.add(triple("s3", "p", "o3"));
    assertThat(store.list(TriplePattern.of(TestStores.iri("s3"), null, null), 10)).containsExactly(triple("s3", "p", "o3"));
  }

  @Test
  void concurrentOverlappingWritersKeepTheCountExact() throws Exception {
    int writers = 4;
    int triplesEach = 300;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Callable<ChangeResult>> tasks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        tasks.add(() -> {
          ChangeResult total = ChangeResult.NONE;
          // Every writer adds the same triples, one call each, so most adds are no-ops.
          for (int i = 0; i < triplesEach; i++) {
            total = total.plus(store.add(List.of(triple("s" + i, "p", "o"))));
          }
          return total;
        });
      }
      ChangeResult all = ChangeResult.NONE;
      for (Future<ChangeResult> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
        all = all.plus(result.get());
      }
      assertThat(all.applied()).isEqualTo(triplesEach);
      assertThat(all.noOps()).isEqualTo((long) (writers - 1) * triplesEach);
      assertThat(store.size()).isEqualTo(triplesEach);
      assertThat(store.count(TriplePattern.of(null, TestStores.iri("p"), null))).isEqualTo(triplesEach);
      // Each term got exactly one id: triplesEach subjects, p and o.
      assertThat(store.stats().distinctTerms()).isEqualTo(triplesEach + 2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void invalidArgumentsAreRefusedWithAMessage() {
    assertThatThrownBy(() -> store.match(TriplePattern.any(), -1)).hasMessageContaining("limit must be 0 or more: -1");
    assertThatThrownBy(() -> store.add((Triple) null)).isInstanceOf(NullPointerException.class);
  }
}
