package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.ReleaseOutcome;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotReleasedException;
import io.triplestore.store.CloseableIterator;
import io.triplestore.store.Iri;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TriplePattern;
import io.triplestore.store.TripleStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reader threads read through leases (point reads and slow iterations) while a writer adds pairs
 * of triples atomically and an operator thread force-releases leases as fast as it can, straight
 * through the registry. A release must wait for reads in flight and close iterators: a read
 * either sees a consistent snapshot or fails with {@link SnapshotReleasedException} reason
 * {@code FORCED}; a native use-after-release would crash this JVM (and fail the build).
 */
class ForceReleaseStormInProcessTest {

  private static final Iri LEFT = Iri.of("http://it.example/storm#left");
  private static final Iri RIGHT = Iri.of("http://it.example/storm#right");
  private static final int READERS = 4;
  private static final int WINDOW = 300;

  @TempDir
  Path directory;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void forcedReleasesNeverCorruptReadsAndLeaveNoSnapshotBehind() throws Exception {
    int readsPerReader = Figures.scale(2_000, 100_000);
    AtomicLong reads = new AtomicLong();
    AtomicLong failedForced = new AtomicLong();
    AtomicLong forced = new AtomicLong();
    AtomicLong pairsWritten = new AtomicLong();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicBoolean readersDone = new AtomicBoolean();
    Figures figures = Figures.of("force-release storm (in-process)");

    try (TripleStore store = TripleStore.open(directory.resolve("db"), StoreOptions.builder()
        .registry(registry -> registry.maxLeases(10_000)).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(READERS + 2);
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        int reader = r;
        readers.add(pool.submit(() -> read(store, reader, readsPerReader, reads, failedForced, wrong)));
      }
      Future<?> writer = pool.submit(() -> {
        // A sliding window of pairs: every change is atomic, so each snapshot holds as many left as right.
        for (long i = 0; !readersDone.get(); i++) {
          store.add(pair(i));
          if (i >= WINDOW) {
            store.remove(pair(i - WINDOW));
          }
          pairsWritten.incrementAndGet();
        }
        return null;
      });
      Future<?> operator = pool.submit(() -> {
        while (!readersDone.get()) {
          for (LeaseInfo info : store.registry().info(64)) {
            if (store.registry().forceRelease(info.id()) == ReleaseOutcome.RELEASED) {
              forced.incrementAndGet();
            }
          }
          forced.addAndGet(store.registry().forceReleaseOlderThan(Duration.ZERO));
        }
        return null;
      });
      for (Future<?> reader : readers) {
        reader.get();
      }
      readersDone.set(true);
      writer.get();
      operator.get();
      pool.shutdown();

      figures.put("operations", reads.get() + pairsWritten.get()).put("reads", reads.get())
          .put("pairsWritten", pairsWritten.get()).put("faultsInjected", forced.get())
          .put("readsFailedForced", failedForced.get()).put("wrongData", wrong.size())
          .put("leasesLeft", store.registry().count()).put("nativeSnapshotsLeft", store.stats().nativeSnapshots())
          .put("losses", wrong.size()).print();

      assertThat(wrong).as("reads that saw an inconsistent snapshot or failed otherwise").isEmpty();
      assertThat(forced.get()).as("force-releases that hit a live lease").isPositive();
      assertThat(failedForced.get()).as("reads that met a forced release").isPositive();
      assertThat(store.registry().count()).isZero();
      assertThat(store.stats().nativeSnapshots()).as("rocksdb.num-snapshots").isZero();
      assertThat(store.registry().statistics().released(ReleaseReason.FORCED)).isEqualTo(forced.get());
    }
  }

  private static List<Triple> pair(long i) {
    Iri subject = Iri.of("http://it.example/storm/s" + i);
    Iri object = Iri.of("http://it.example/o" + i);
    return List.of(Triple.of(subject, LEFT, object), Triple.of(subject, RIGHT, object));
  }

  /** One reader: a lease, two counts and a slow iteration at it, then its release. */
  private static Void read(TripleStore store, int reader, int count, AtomicLong reads, AtomicLong failedForced,
      Queue<String> wrong) {
    for (int i = 0; i < count; i++) {
      SnapshotLease lease = store.registry().create(Duration.ofMinutes(1));
      try {
        long left = store.count(TriplePattern.of(null, LEFT, null), lease);
        long iterated = 0;
        try (CloseableIterator<Triple> rights = store.match(TriplePattern.of(null, RIGHT, null), lease)) {
          while (rights.hasNext()) {
            rights.next();
            iterated++;
          }
        }
        if (left != iterated) {
          wrong.add("reader " + reader + " lease " + lease.id() + ": " + left + " left but " + iterated + " right");
        }
        reads.incrementAndGet();
      } catch (SnapshotReleasedException e) {
        if (e.reason() != ReleaseReason.FORCED || e.leaseId() != lease.id()) {
          wrong.add("reader " + reader + ": " + e);
        }
        failedForced.incrementAndGet();
      } catch (RuntimeException e) {
        wrong.add("reader " + reader + ": " + e);
      } finally {
        lease.close();
      }
    }
    return null;
  }
}
