package io.triplestore.benchmarks.registry;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.Locale;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * Retained heap per live lease, above the raw baseline, measured in one JVM: N raw rocksdbjni
 * {@link Snapshot}s held in an array, then N registry leases held in an array of the same size.
 * Each figure is the used heap after a full collection minus the used heap before the objects
 * were made, divided by N; the difference of the two is what the registry adds per lease
 * (target: at most 200 bytes). The registry's fixed cost (its wheel, its release history) is
 * included, spread over the N leases.
 *
 * <p>Usage: {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.registry.LeaseFootprint [leases] [rounds]} (default 1,000,000 and 3).
 * Not a JMH benchmark: JMH measures time and allocation rate, not what stays live.
 */
public final class LeaseFootprint {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final long SETTLED_BYTES = 64 * 1024;
  private static final int MAX_COLLECTIONS = 20;

  private LeaseFootprint() {}

  public static void main(String[] args) {
    int leases = args.length > 0 ? Arguments.positive("leases", args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Arguments.positive("rounds", args[1]) : 3;
    requireExplicitGc();
    System.out.printf(Locale.ROOT, "%s %s, %s, %,d leases, %d rounds%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), ManagementFactory.getRuntimeMXBean().getInputArguments(), leases, rounds);
    System.out.println("round  raw B/snapshot  registry B/lease  above raw B/lease");
    double[] above = new double[rounds];
    try (TempRocksDb rocks = TempRocksDb.open()) {
      for (int round = 0; round < rounds; round++) {
        double raw = rawBytesPerSnapshot(rocks, leases);
        double leased = registryBytesPerLease(rocks, leases);
        above[round] = leased - raw;
        System.out.printf(Locale.ROOT, "%5d  %14.1f  %16.1f  %17.1f%n", round + 1, raw, leased, above[round]);
      }
    }
    Arrays.sort(above);
    System.out.printf(Locale.ROOT, "above raw: median %.1f, min %.1f, max %.1f bytes per lease (target <= 200)%n",
        above[rounds / 2], above[0], above[rounds - 1]);
  }

  private static double rawBytesPerSnapshot(TempRocksDb rocks, int count) {
    RocksDB db = rocks.db();
    long before = settledUsedHeap();
    Snapshot[] snapshots = new Snapshot[count];
    for (int i = 0; i < count; i++) {
      snapshots[i] = db.getSnapshot();
    }
    long after = settledUsedHeap();
    requireNativeSnapshots(rocks, count);
    for (Snapshot snapshot : snapshots) {
      db.releaseSnapshot(snapshot);
    }
    Reference.reachabilityFence(snapshots);
    requireNativeSnapshots(rocks, 0);
    return (after - before) / (double) count;
  }

  private static double registryBytesPerLease(TempRocksDb rocks, int count) {
    long before = settledUsedHeap();
    SnapshotRegistry registry = SnapshotRegistry.builder()
        .rocksDb(rocks.db())
        .name("footprint")
        .scheduler(Scheduler.manual())
        .build();
    SnapshotLease[] leases = new SnapshotLease[count];
    for (int i = 0; i < count; i++) {
      leases[i] = registry.create();
    }
    long after = settledUsedHeap();
    if (registry.count() != count) {
      throw new IllegalStateException("expected " + count + " live leases, the registry has " + registry.count());
    }
    requireNativeSnapshots(rocks, count);
    registry.close();
    Reference.reachabilityFence(leases);
    requireNativeSnapshots(rocks, 0);
    return (after - before) / (double) count;
  }

  /** Used heap once two full collections in a row agree within {@link #SETTLED_BYTES}. */
  private static long settledUsedHeap() {
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < MAX_COLLECTIONS; i++) {
      System.gc();
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (Math.abs(used - previous) < SETTLED_BYTES) {
        return used;
      }
      previous = used;
    }
    throw new IllegalStateException("used heap did not settle after " + MAX_COLLECTIONS + " collections");
  }

  private static void requireNativeSnapshots(TempRocksDb rocks, long expected) {
    long actual = rocks.nativeSnapshotCount();
    if (actual != expected) {
      throw new IllegalStateException("RocksDB holds " + actual + " snapshots, expected " + expected);
    }
  }

  // Without System.gc() the used heap includes garbage and every figure would be noise.
  private static void requireExplicitGc() {
    for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (argument.equals("-XX:+DisableExplicitGC") || argument.equals("-XX:+ExplicitGCInvokesConcurrent")) {
        throw new IllegalArgumentException("this measurement needs System.gc() to collect fully; drop " + argument);
      }
    }
  }
}
