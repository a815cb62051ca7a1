package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lease limit is exact when creates race for its last place: a create near the limit checks
 * and publishes its lease in one step under the registry's lock, so two of them cannot both see
 * one place left. Bounded: a fixed number of rounds, each a barrier-started race of four threads.
 */
class LeaseLimitRaceTest {

  private static final int THREADS = 4;
  private static final int ROUNDS = 2_000;

  @Test
  void racingCreatesNeverExceedTheLimit() throws Exception {
    InMemorySnapshotSource source = InMemorySnapshotSource.counting();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try (SnapshotRegistry registry = SnapshotRegistry.builder().source(source).name("limit")
        .scheduler(Scheduler.manual()).jfrEvents(false).maxLeases(1).build()) {
      CyclicBarrier start = new CyclicBarrier(THREADS);
      int overshoots = 0;
      for (int round = 0; round < ROUNDS; round++) {
        List<Future<SnapshotLease>> creates = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          creates.add(pool.submit(() -> {
            start.await();
            try {
              return registry.create(LeaseOptions.builder().noOwner().build());
            } catch (LeaseLimitExceededException refused) {
              return null;
            }
          }));
        }
        List<SnapshotLease> granted = new ArrayList<>();
        for (Future<SnapshotLease> create : creates) {
          SnapshotLease lease = create.get(20, TimeUnit.SECONDS);
          if (lease != null) {
            granted.add(lease);
          }
        }
        if (granted.size() > 1) {
          overshoots++;
        }
        assertThat(granted).as("round %d", round).isNotEmpty();
        granted.forEach(SnapshotLease::close);
      }
      assertThat(overshoots).as("rounds in which more than one create got the last place").isZero();
      assertThat(registry.count()).isZero();
      assertThat(source.liveSnapshots()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
