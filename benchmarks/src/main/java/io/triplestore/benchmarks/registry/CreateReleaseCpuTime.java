package io.triplestore.benchmarks.registry;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * The create+release comparison of {@link CreateReleaseBenchmark} timed by the thread's CPU time
 * instead of the wall clock, with raw, floor and registry rounds interleaved. On a shared machine
 * the wall clock also counts the time the thread waited for a core, which swamps a 100 ns
 * operation; CPU time does not. It does not count work the JVM does on other threads (the
 * collector), so it complements the JMH figures and does not replace them.
 *
 * <p>{@code registry} is the registry as built by default (its own maintenance thread, so lease
 * times are stamped from the tick's clock); {@code registry, manual sched.} uses {@link
 * Scheduler#manual()}, with exact time stamps (two clock reads per lease).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.registry.CreateReleaseCpuTime [rounds]} (default 40 rounds of 200,000
 * operations each, after 30 warm-up rounds).
 */
public final class CreateReleaseCpuTime {

  private static final int OPERATIONS_PER_ROUND = 200_000;
  private static final int WARMUP_ROUNDS = 30;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Keeps the results alive so that the JIT cannot drop the work. */
  private static Object sink;
  private static final Object LOCK = new Object();
  private static long live;
  private static long heldNanos;

  private CreateReleaseCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Arguments.positive("rounds", args[0]) : 40;
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new UnsupportedOperationException("this JVM cannot measure a thread's CPU time");
    }
    try (TempRocksDb rocks = TempRocksDb.open();
        SnapshotRegistry registry = SnapshotRegistry.builder().rocksDb(rocks.db()).name("cpu-time").build();
        SnapshotRegistry manual = SnapshotRegistry.builder()
            .rocksDb(rocks.db()).name("cpu-time-manual").scheduler(Scheduler.manual()).build()) {
      RocksDB db = rocks.db();
      double[] raw = new double[rounds];
      double[] floor = new double[rounds];
      double[] leased = new double[rounds];
      double[] leasedManual = new double[rounds];
      for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
        long start = THREADS.getCurrentThreadCpuTime();
        raw(db);
        long afterRaw = THREADS.getCurrentThreadCpuTime();
        rawWithClockAndLock(db);
        long afterFloor = THREADS.getCurrentThreadCpuTime();
        registry(registry);
        long afterRegistry = THREADS.getCurrentThreadCpuTime();
        registry(manual);
        long afterManual = THREADS.getCurrentThreadCpuTime();
        if (round >= 0) {
          raw[round] = perOperation(afterRaw - start);
          floor[round] = perOperation(afterFloor - afterRaw);
          leased[round] = perOperation(afterRegistry - afterFloor);
          leasedManual[round] = perOperation(afterManual - afterRegistry);
        }
      }
      if (registry.count() != 0 || manual.count() != 0 || live != 0 || heldNanos < 0) {
        throw new IllegalStateException("a loop left snapshots live");
      }
      double rawMedian = median(raw);
      System.out.printf(Locale.ROOT, "CPU ns/op over %d rounds of %,d (median, min..max)%n", rounds, OPERATIONS_PER_ROUND);
      print("raw", raw, rawMedian);
      print("rawWithClockAndLock", floor, rawMedian);
      print("registry (capture off)", leased, rawMedian);
      print("registry, manual sched.", leasedManual, rawMedian);
    }
  }

  private static void raw(RocksDB db) {
    for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
      Snapshot snapshot = db.getSnapshot();
      db.releaseSnapshot(snapshot);
      sink = snapshot;
    }
  }

  private static void rawWithClockAndLock(RocksDB db) {
    for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
      Snapshot snapshot = db.getSnapshot();
      long created = System.nanoTime();
      synchronized (LOCK) {
        live++;
      }
      db.releaseSnapshot(snapshot);
      long released = System.nanoTime();
      synchronized (LOCK) {
        live--;
        heldNanos += released - created;
      }
      sink = snapshot;
    }
  }

  private static void registry(SnapshotRegistry registry) {
    for (int i = 0; i < OPERATIONS_PER_ROUND; i++) {
      SnapshotLease lease = registry.create();
      lease.close();
      sink = lease;
    }
  }

  private static double perOperation(long cpuNanos) {
    return cpuNanos / (double) OPERATIONS_PER_ROUND;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void print(String name, double[] values, double rawMedian) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = median(values);
    System.out.printf(Locale.ROOT, "%-24s %7.1f  (%.1f..%.1f)  ratio to raw %.2f%n",
        name, median, sorted[0], sorted[sorted.length - 1], median / rawMedian);
  }
}
