package io.triplestore.snapshots;

import static io.triplestore.snapshots.RocksFixture.bytes;
import static io.triplestore.snapshots.RocksFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No read ever touches a released snapshot. */
class ReadSafetyTest extends RegistryTestBase {

  @Test
  void readAfterReleaseThrowsNamingTheLeaseAndTheReason() throws Exception {
    rocks.put("k", "v");
    SnapshotLease lease = registry.create(Duration.ofSeconds(5));
    ticker.advance(Duration.ofSeconds(5));
    registry.cleanUp();

    assertThatThrownBy(() -> lease.get(null, bytes("k")))
        .isInstanceOfSatisfying(SnapshotReleasedException.class, e -> {
          assertThat(e.leaseId()).isEqualTo(lease.id());
          assertThat(e.reason()).isEqualTo(ReleaseReason.EXPIRED);
        })
        .hasMessageContaining(String.valueOf(lease.id())).hasMessageContaining("EXPIRED");
    assertThatThrownBy(() -> lease.iterator(null, IteratorOptions.none()))
        .isInstanceOf(SnapshotReleasedException.class);
  }

  @Test
  void iteratorReadsAtTheSnapshotWithinItsBounds() throws Exception {
    for (String k : List.of("a1", "b1", "b2", "b3", "c1")) {
      rocks.put(k, k);
    }
    SnapshotLease lease = registry.create();
    rocks.put("b25", "late");

    List<String> keys = new ArrayList<>();
    try (LeaseIterator it = lease.iterator(null, IteratorOptions.range(bytes("b"), bytes("c")))) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        keys.add(string(it.key()));
      }
    }

    assertThat(keys).containsExactly("b1", "b2", "b3");
  }

  @Test
  void releaseClosesOpenIteratorsAndTheirNextCallNamesTheReason() throws Exception {
    rocks.put("a", "1");
    rocks.put("b", "2");
    SnapshotLease lease = registry.create();
    LeaseIterator it = lease.iterator(null, IteratorOptions.none());
    it.seekToFirst();
    assertThat(string(it.key())).isEqualTo("a");

    registry.forceRelease(lease.id());

    assertThatThrownBy(it::next).isInstanceOf(SnapshotReleasedException.class).hasMessageContaining("FORCED");
    assertThatThrownBy(it::key).isInstanceOf(SnapshotReleasedException.class);
    it.close(); // closing again after the release is harmless
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }

  @Test
  void iteratorClosedByItsUserIsNotClosedAgainByTheRelease() throws Exception {
    SnapshotLease lease = registry.create();
    LeaseIterator it = lease.iterator(null, IteratorOptions.none());
    it.close();

    assertThatThrownBy(it::seekToFirst).isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(SnapshotReleasedException.class).hasMessageContaining("closed");
    lease.close();
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }
}
