package io.triplestore.snapshots;

import static io.triplestore.snapshots.RocksFixture.bytes;
import static io.triplestore.snapshots.RocksFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Threads create, read (gets and iterators), release and force-release leases while the real
 * maintenance thread expires short-lived ones, for a bounded time. Every read either sees the
 * snapshot's data or is refused with SnapshotReleasedException; at the end the registry and
 * RocksDB both hold no snapshot, and the JVM is still here.
 */
class ConcurrencyStressTest {

  private static final Duration RUN_FOR = Duration.ofSeconds(3);

  @TempDir
  Path dir;

  @Test
  void mixedWorkloadEndsWithNoSnapshotAndNoWrongRead() throws Exception {
    try (RocksFixture rocks = new RocksFixture(dir)) {
      rocks.put("k", "v");
      SnapshotRegistry registry = SnapshotRegistry.builder().rocksDb(rocks.db).name("stress")
          .tick(Duration.ofMillis(5)).defaultTtl(Duration.ofMillis(40)).stackCapture(StackCapture.sampled(16))
          .build();
      ConcurrentLinkedQueue<SnapshotLease> shared = new ConcurrentLinkedQueue<>();
      AtomicLong reads = new AtomicLong();
      AtomicLong refused = new AtomicLong();
      AtomicLong wrong = new AtomicLong();
      long deadline = System.nanoTime() + RUN_FOR.toNanos();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        workers.add(pool.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (System.nanoTime() < deadline) {
            SnapshotLease lease = registry.create(LeaseOptions.builder().noOwner().label("worker").build());
            shared.add(lease);
            for (int r = 0; r < 5; r++) {
              try {
                if (random.nextBoolean()) {
                  if (!"v".equals(string(lease.get(null, bytes("k"))))) {
                    wrong.incrementAndGet();
                  }
                } else {
                  try (LeaseIterator it = lease.iterator(null, IteratorOptions.none())) {
                    it.seekToFirst();
                    if (!it.isValid() || !"k".equals(string(it.key())) || !"v".equals(string(it.value()))) {
                      wrong.incrementAndGet();
                    }
                  }
                }
                reads.incrementAndGet();
              } catch (SnapshotReleasedException e) {
                refused.incrementAndGet();
              }
            }
            if (random.nextInt(3) == 0) {
              lease.close();
            }
          }
          return null;
        }));
      }
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          SnapshotLease victim = shared.poll();
          if (victim != null) {
            registry.forceRelease(victim.id());
          }
          registry.info(50);
          registry.forceReleaseOlderThan(Duration.ofMillis(30));
        }
        return null;
      }));
      workers.add(pool.submit(() -> {
        while (System.nanoTime() < deadline) {
          registry.create().close();
          rocks.put("other", "x");
        }
        return null;
      }));
      for (Future<?> worker : workers) {
        worker.get(RUN_FOR.toSeconds() + 30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      registry.close();

      RegistryStatistics stats = registry.statistics();
      System.out.printf("stress: %d leases, %d reads, %d refused after release, %d wrong; released %s%n",
          stats.totalCreated(), reads.get(), refused.get(), wrong.get(), stats.releasedByReason());
      assertThat(wrong.get()).isZero();
      assertThat(reads.get()).isPositive();
      assertThat(registry.count()).isZero();
      assertThat(stats.totalReleased()).isEqualTo(stats.totalCreated());
      assertThat(rocks.nativeSnapshotCount()).isZero();
    }
  }
}
