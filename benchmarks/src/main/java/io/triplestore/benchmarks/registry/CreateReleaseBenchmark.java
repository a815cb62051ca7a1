package io.triplestore.benchmarks.registry;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;
import io.triplestore.snapshots.StackCapture;
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
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * One snapshot taken and released: raw rocksdbjni ({@link #raw}) against the same through the
 * lease registry, in one JMH run so that both see the same machine. The ratio registry/raw is the
 * figure of merit (target at most 1.3 with stack capture off).
 *
 * <p>{@link #rawWithClockAndLock} is raw plus the least that any registry of timed leases must do:
 * read the clock and take an uncontended lock once at create and once at release. It is not a
 * registry, it is the floor under the ratio on this machine.
 *
 * <p>{@link #registry} uses {@link Scheduler#manual()}, so no maintenance thread shares the CPU,
 * and stamps each lease with two exact clock reads; {@link #registryWithDaemonScheduler} is the
 * default set-up, whose daemon thread ticks once a second (taking the registry lock briefly) and
 * whose leases are stamped with the tick's clock reading instead. Both have the JFR event listener that
 * {@code build()} installs by default (no recording running); {@link #registryWithoutJfrEvents}
 * is built with {@code jfrEvents(false)} to show what that listener costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CreateReleaseBenchmark {

  /** The database alone, for the raw baselines. */
  @State(Scope.Benchmark)
  public static class Database {
    TempRocksDb rocks;
    RocksDB db;
    // What a registry keeps per snapshot, in its least form: a count and the time held.
    private long live;
    private long createdNanos;
    private long heldNanos;

    synchronized void recordCreated(long nanos) {
      live++;
      createdNanos = nanos;
    }

    synchronized void recordReleased(long nanos) {
      live--;
      heldNanos += nanos - createdNanos;
    }

    @Setup(Level.Trial)
    public void open() {
      rocks = TempRocksDb.open();
      db = rocks.db();
    }

    @TearDown(Level.Trial)
    public void close() {
      try {
        requireNoSnapshotLeft(rocks);
        if (live != 0 || heldNanos < 0) {
          throw new IllegalStateException(
              "rawWithClockAndLock ended with " + live + " snapshots live and " + heldNanos + " ns held");
        }
      } finally {
        rocks.close();
      }
    }
  }

  /** A registry on its own database; each subclass says how the registry is built. */
  public abstract static class RegistryOnDatabase {
    TempRocksDb rocks;
    SnapshotRegistry registry;

    abstract SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder);

    @Setup(Level.Trial)
    public void open() {
      rocks = TempRocksDb.open();
      registry = configure(SnapshotRegistry.builder().rocksDb(rocks.db())).build();
    }

    @TearDown(Level.Trial)
    public void close() {
      int live = registry.count();
      registry.close();
      try {
        requireNoSnapshotLeft(rocks);
      } finally {
        rocks.close();
      }
      if (live != 0) {
        throw new IllegalStateException("the benchmark left " + live + " leases live");
      }
    }
  }

  /** Maintenance run by hand (never, here), at each stack-capture policy. */
  @State(Scope.Benchmark)
  public static class ManualRegistry extends RegistryOnDatabase {
    @Param({"off", "sample:128", "all"})
    String stackCapture;

    @Override
    SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
      return builder.name("bench-manual")
          .scheduler(Scheduler.manual())
          .stackCapture(StackCapture.parse(stackCapture));
    }
  }

  /** Manual maintenance, stack capture off, and no JFR event listener: what that listener costs. */
  @State(Scope.Benchmark)
  public static class RegistryWithoutJfr extends RegistryOnDatabase {
    @Override
    SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
      return builder.name("bench-no-jfr").scheduler(Scheduler.manual()).jfrEvents(false);
    }
  }

  /** As built by default: daemon maintenance thread, stack capture off, JFR event listener. */
  @State(Scope.Benchmark)
  public static class DefaultRegistry extends RegistryOnDatabase {
    @Override
    SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
      return builder.name("bench-daemon");
    }
  }

  @Benchmark
  public Snapshot raw(Database state) {
    Snapshot snapshot = state.db.getSnapshot();
    state.db.releaseSnapshot(snapshot);
    return snapshot;
  }

  @Benchmark
  public Snapshot rawWithClockAndLock(Database state) {
    Snapshot snapshot = state.db.getSnapshot();
    state.recordCreated(System.nanoTime());
    state.db.releaseSnapshot(snapshot);
    state.recordReleased(System.nanoTime());
    return snapshot;
  }

  @Benchmark
  public SnapshotLease registry(ManualRegistry state) {
    return createAndRelease(state.registry);
  }

  @Benchmark
  public SnapshotLease registryWithoutJfrEvents(RegistryWithoutJfr state) {
    return createAndRelease(state.registry);
  }

  @Benchmark
  public SnapshotLease registryWithDaemonScheduler(DefaultRegistry state) {
    return createAndRelease(state.registry);
  }

  private static SnapshotLease createAndRelease(SnapshotRegistry registry) {
    SnapshotLease lease = registry.create();
    lease.close();
    return lease;
  }

  // A benchmark that leaked snapshots measured something else than it claims: fail the run.
  private static void requireNoSnapshotLeft(TempRocksDb rocks) {
    long left = rocks.nativeSnapshotCount();
    if (left != 0) {
      throw new IllegalStateException("RocksDB still holds " + left + " snapshots after the benchmark");
    }
  }
}
