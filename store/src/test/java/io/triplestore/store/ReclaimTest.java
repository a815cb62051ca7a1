package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.SnapshotLease;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReclaimTest {

  private static final int TRIPLES = 3000;
  private static final int ROUNDS = 4;

  @TempDir Path directory;

  @Test
  void reclaimGivesBackTheSpaceThatReleasedLeasesPinned() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      List<Triple> triples = triples();
      store.add(triples);
      store.reclaim();
      long baseline = store.stats().totalSstBytes();
      long indexBaseline = indexBytes(store.stats());

      List<SnapshotLease> leases = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        leases.add(store.registry().create());
        store.remove(triples);
        store.add(triples);
        store.flush();
      }
      store.reclaim();
      StoreStats whileHeld = store.stats();
      assertThat(whileHeld.nativeSnapshots()).isEqualTo(ROUNDS);
      assertThat(whileHeld.leases()).isEqualTo(ROUNDS);
      // The leases pin every round's index entries (the dictionary does not change): not even a
      // forced compaction may drop them.
      assertThat(indexBytes(whileHeld)).isGreaterThan(indexBaseline * 2);
      assertThat(whileHeld.totalSstBytes()).isGreaterThan(baseline * 5 / 4);

      leases.forEach(SnapshotLease::close);
      store.reclaim();

      StoreStats after = store.stats();
      assertThat(after.nativeSnapshots()).isZero();
      assertThat(indexBytes(after)).isLessThanOrEqualTo(indexBaseline * 12 / 10);
      assertThat(after.totalSstBytes()).isLessThanOrEqualTo(baseline * 12 / 10);
      assertThat(after.quads()).isEqualTo(TRIPLES);
      assertThat(after.liveToTotalRatio()).isGreaterThan(0.5);
      assertThat(store.size()).isEqualTo(TRIPLES);
    }
  }

  @Test
  void statsDescribeTheStore() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(triples());
      store.flush();
      SnapshotLease lease = store.registry().create();

      StoreStats stats = store.stats();

      assertThat(stats.quads()).isEqualTo(TRIPLES);
      // Subjects, one predicate, and the literal objects.
      assertThat(stats.distinctTerms()).isEqualTo(TRIPLES + 1 + TRIPLES);
      assertThat(stats.sstBytesByColumnFamily()).containsKeys("str2id", "id2str", "spo", "pos", "osp", "meta");
      assertThat(stats.sstBytesByColumnFamily().get("spo")).isPositive();
      assertThat(stats.totalSstBytes()).isEqualTo(stats.sstBytesByColumnFamily().values().stream().mapToLong(Long::longValue).sum());
      assertThat(stats.nativeSnapshots()).isEqualTo(1);
      assertThat(stats.leases()).isEqualTo(1);
      assertThat(stats.oldestLeaseAge()).isNotNull();
      lease.close();
    }
  }

  private static long indexBytes(StoreStats stats) {
    return stats.sstBytesByColumnFamily().get("spo") + stats.sstBytesByColumnFamily().get("pos")
        + stats.sstBytesByColumnFamily().get("osp");
  }

  private static List<Triple> triples() {
    List<Triple> triples = new ArrayList<>();
    for (int i = 0; i < TRIPLES; i++) {
      triples.add(Triple.of(TestStores.iri("subject/" + i), TestStores.iri("value"),
          Literal.of("a literal long enough to give the files some weight, number " + i)));
    }
    return triples;
  }
}
