package io.triplestore.benchmarks.registry;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.RegistryStatistics;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The registry's read-side and maintenance operations with many leases live: {@code count()},
 * one maintenance tick with nothing due ({@code cleanUp()}), and {@code info(100)}. The baseline is
 * the same operation on a registry holding only 100 leases, in the same run: the design promises
 * that none of these depends on how many leases are live (targets: tick at most 1 ms, info(100) at
 * most 5 ms with a million leases).
 *
 * <p>Leases are owned by one thread that stays alive, have the default 5 minute TTL (warning at
 * 4 minutes), and maintenance runs only when the benchmark calls it. The teardown fails the run
 * if any warning, expiry or release happened: then "nothing due" would not have been measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LiveLeasesBenchmark {

  /** A registry holding {@link #leases} live leases of one living owner thread. */
  @State(Scope.Benchmark)
  public static class LiveLeases {
    @Param({"100", "1000000"})
    int leases;

    TempRocksDb rocks;
    SnapshotRegistry registry;
    OwnerThread owner;

    @Setup(Level.Trial)
    public void fill() {
      rocks = TempRocksDb.open();
      registry = SnapshotRegistry.builder()
          .rocksDb(rocks.db())
          .name("bench-live-leases")
          .scheduler(Scheduler.manual())
          .build();
      owner = OwnerThread.start();
      LeaseOptions ownedByOwner = LeaseOptions.builder().ownerThread(owner.thread()).build();
      for (int i = 0; i < leases; i++) {
        registry.create(ownedByOwner);
      }
      // The wheel's first scan covers the ticks since the registry started; take it out of the run.
      registry.cleanUp();
      requireUntouched();
      // Promote the leases now: otherwise the first young collection copies a million of them
      // inside a measured iteration, and that one pause dominates the result.
      System.gc();
    }

    @TearDown(Level.Trial)
    public void close() {
      try {
        requireUntouched();
      } finally {
        registry.close();
        owner.end();
        rocks.close();
      }
    }

    private void requireUntouched() {
      RegistryStatistics statistics = registry.statistics();
      if (statistics.count() != leases || statistics.warningsEmitted() != 0 || statistics.totalReleased() != 0
          || rocks.nativeSnapshotCount() != leases) {
        throw new IllegalStateException("expected " + leases + " untouched live leases, got " + statistics);
      }
    }
  }

  @Benchmark
  public int count(LiveLeases state) {
    return state.registry.count();
  }

  @Benchmark
  public void cleanUpWithNothingDue(LiveLeases state) {
    state.registry.cleanUp();
  }

  @Benchmark
  public List<LeaseInfo> info100(LiveLeases state) {
    return state.registry.info(100);
  }
}
