package io.triplestore.snapshots;

import static io.triplestore.snapshots.RocksFixture.bytes;
import static io.triplestore.snapshots.RocksFixture.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
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
 * maintenance thread expires short-lived ones, and then close() races all of them, after which the
 * database itself is closed under the threads still running. Each round is bounded by work: close()
 * comes once the workers have created a fixed number of leases.
 *
 * <p>Every lease is taken right after its creator rewrote the checked key with a new generation
 * (under one lock, so the lease's generation is known exactly), and every read must see exactly
 * that generation: a read at the wrong snapshot, or at a released one whose memory was reused,
 * fails the test. A read or release that ran on the closed database would crash the JVM, which
 * fails the build. After close() returns, RocksDB must hold no snapshot.
 */
class ConcurrencyStressTest {

  private static final int ROUNDS = 6;
  /** Leases created in a round before close() is called; the workers keep going until it is. */
  private static final int LEASES_BEFORE_CLOSE = 2_000;
  private static final byte[] KEY = bytes("k");

  @TempDir
  Path dir;

  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong wrong = new AtomicLong();
  private final AtomicLong leases = new AtomicLong();

  /** One database and its registry; the generation lock orders key writes, creates and the close. */
  private static final class Round {
    final RocksFixture rocks;
    final SnapshotRegistry registry;
    final Object generationLock = new Object();
    long generation; // guarded by generationLock
    boolean databaseClosed; // guarded by generationLock
    final ConcurrentLinkedQueue<SnapshotLease> shared = new ConcurrentLinkedQueue<>();
    final CountDownLatch busy = new CountDownLatch(LEASES_BEFORE_CLOSE);

    Round(Path dir) throws Exception {
      rocks = new RocksFixture(dir);
      registry = SnapshotRegistry.builder().rocksDb(rocks.db).name("stress")
          .tick(Duration.ofMillis(5)).defaultTtl(Duration.ofMillis(40)).stackCapture(StackCapture.sampled(16))
          .build();
    }
  }

  /** A lease and the generation its snapshot must read. */
  private record Generation(SnapshotLease lease, long value) {}

  @Test
  void everyLeaseReadsItsOwnGenerationAndCloseIsABarrier() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      runRound(new Round(dir.resolve("round-" + round)));
    }
    System.out.printf("stress: %d rounds, %d leases, %d reads, %d refused after release, %d wrong%n",
        ROUNDS, leases.get(), reads.get(), refused.get(), wrong.get());
    assertThat(wrong.get()).isZero();
    assertThat(reads.get()).isPositive();
    assertThat(refused.get()).as("reads that raced a release").isPositive();
  }

  private void runRound(Round round) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      workers.add(pool.submit(() -> work(round)));
    }
    workers.add(pool.submit(() -> forceRelease(round)));
    // Bounded by work, not time: close() comes once the workers have created this many leases.
    if (!round.busy.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("workers stalled: " + round.busy.getCount() + " leases short");
    }

    // close() races creates, reads, releases, force-releases and the maintenance thread.
    round.registry.close();
    assertThat(round.rocks.nativeSnapshotCount()).as("snapshots held once close() returned").isZero();
    assertThat(round.registry.count()).isZero();
    RegistryStatistics stats = round.registry.statistics();
    assertThat(stats.totalReleased()).isEqualTo(stats.totalCreated());
    synchronized (round.generationLock) {
      round.databaseClosed = true;
    }
    round.rocks.close(); // the threads are still reading and releasing through their leases

    for (Future<?> worker : workers) {
      worker.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
  }

  /** Creates leases at fresh generations, reads them, releases some; stops once the registry closes. */
  private Void work(Round round) throws Exception {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Generation> held = new ArrayList<>();
    while (true) {
      Generation created = createAtNewGeneration(round);
      if (created == null) {
        break;
      }
      held.add(created);
      round.shared.add(created.lease());
      for (int r = 0; r < 4; r++) {
        read(held.get(random.nextInt(held.size())), random.nextBoolean());
      }
      if (random.nextInt(3) == 0) {
        held.remove(random.nextInt(held.size())).lease().close();
      }
      if (held.size() > 8) {
        held.remove(0);
      }
    }
    // After close(), and soon after the database closed: every read must be refused.
    for (Generation generation : held) {
      read(generation, true);
      read(generation, false);
      generation.lease().close();
    }
    return null;
  }

  private Generation createAtNewGeneration(Round round) throws Exception {
    synchronized (round.generationLock) {
      if (round.databaseClosed) {
        return null;
      }
      long value = ++round.generation;
      round.rocks.db.put(KEY, bytes(Long.toString(value)));
      try {
        SnapshotLease lease = round.registry.create(LeaseOptions.builder().noOwner().label("worker").build());
        leases.incrementAndGet();
        round.busy.countDown();
        return new Generation(lease, value);
      } catch (IllegalStateException closed) {
        return null;
      }
    }
  }

  private void read(Generation generation, boolean byIterator) {
    String expected = Long.toString(generation.value());
    try {
      if (byIterator) {
        try (LeaseIterator it = generation.lease().iterator(null, IteratorOptions.none())) {
          it.seekToFirst();
          if (!it.isValid() || !"k".equals(string(it.key())) || !expected.equals(string(it.value()))) {
            wrong.incrementAndGet();
          }
        }
      } else if (!expected.equals(string(generation.lease().get(null, KEY)))) {
        wrong.incrementAndGet();
      }
      reads.incrementAndGet();
    } catch (SnapshotReleasedException e) {
      refused.incrementAndGet();
    }
  }

  private Void forceRelease(Round round) {
    while (!round.registry.isClosed()) {
      SnapshotLease victim = round.shared.poll();
      if (victim != null) {
        round.registry.forceRelease(victim.id());
      }
      round.registry.info(50);
      round.registry.forceReleaseOlderThan(Duration.ofMillis(30));
    }
    return null;
  }
}
