package io.triplestore.benchmarks.store;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.Ticker;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * Space pinned by snapshots that a client never releases. A client takes a snapshot at the start
 * of each round and never releases it; each round removes every triple and adds it back (same
 * terms, so the dictionary does not grow). The figure is the total SST size at the end relative
 * to the start (both after a flush and a forced compaction), printed as a {@code [bloat]} line of
 * the run's output; the time JMH reports is incidental.
 *
 * <ul>
 *   <li>{@code rawRocksDbSnapshotsNeverReleased}: plain rocksdbjni, key/value overwrite rounds with
 *       {@code db.getSnapshot()} never released: the scale of the problem.
 *   <li>{@code storeSnapshotsNeverReleased}: this store, leases that never expire: what a raw
 *       snapshot does to the store's own data, even after {@code reclaim()}.
 *   <li>{@code storeLeasesExpireThenReclaim}: this store, leases with a TTL; time passes (a fake
 *       ticker, then {@code cleanUp()}), they expire, and {@code reclaim()} runs.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SnapshotBloatBenchmark {

  @Param("200000")
  public int triples;

  @Param("5")
  public int rounds;

  private Path directory;

  @Setup(Level.Iteration)
  public void emptyDirectory() throws IOException {
    directory = GeneratedData.directory().resolve("bloat");
    GeneratedData.deleteRecursively(directory);
    Files.createDirectories(directory);
  }

  @TearDown(Level.Iteration)
  public void removeDirectory() {
    GeneratedData.deleteRecursively(directory);
  }

  @Benchmark
  public double rawRocksDbSnapshotsNeverReleased() throws RocksDBException {
    RocksDB.loadLibrary();
    byte[] value = new byte[100];
    try (Options options = new Options().setCreateIfMissing(true);
        RocksDB db = RocksDB.open(options, directory.toString())) {
      overwriteAll(db, value, (byte) 0);
      long start = settle(db);
      List<Snapshot> forgotten = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        forgotten.add(db.getSnapshot()); // the leak under test
        overwriteAll(db, value, (byte) round);
      }
      double result = record("raw rocksdbjni, snapshots never released", start, settle(db));
      // Measured; RocksDB must not be closed with live snapshots.
      forgotten.forEach(db::releaseSnapshot);
      return result;
    }
  }

  @Benchmark
  public double storeSnapshotsNeverReleased() {
    try (TripleStore store = TripleStore.open(directory, StoreOptions.builder().syncWrites(false).build())) {
      List<Triple> all = load(store);
      long start = settle(store);
      for (int round = 0; round < rounds; round++) {
        store.registry().create(Duration.ofDays(365)); // held until the store closes
        removeAndAddBack(store, all);
      }
      return record("store, snapshots (leases) never released", start, settle(store));
    }
  }

  @Benchmark
  public double storeLeasesExpireThenReclaim() {
    AtomicLong nanos = new AtomicLong();
    Ticker ticker = nanos::get;
    StoreOptions options = StoreOptions.builder()
        .syncWrites(false)
        .registry(registry -> registry.ticker(ticker).scheduler(Scheduler.manual()).defaultTtl(Duration.ofMinutes(5)))
        .build();
    try (TripleStore store = TripleStore.open(directory, options)) {
      List<Triple> all = load(store);
      long start = settle(store);
      List<SnapshotLease> forgotten = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        forgotten.add(store.registry().create());
        removeAndAddBack(store, all);
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        store.registry().cleanUp();
      }
      // The client never comes back: the leases run out, and the registry releases them.
      nanos.addAndGet(Duration.ofMinutes(5).toNanos());
      store.registry().cleanUp();
      if (forgotten.stream().anyMatch(lease -> !lease.isReleased())) {
        throw new IllegalStateException("leases did not expire");
      }
      return record("store, leases expired by TTL, then reclaim()", start, settle(store));
    }
  }

  private List<Triple> load(TripleStore store) {
    List<Triple> all = new ArrayList<>(triples);
    Iri value = Iri.of(GeneratedData.BASE + "value");
    for (int i = 0; i < triples; i++) {
      all.add(Triple.of(Iri.of(GeneratedData.entity(i)), value,
          Literal.of("a value of about one hundred bytes for entity " + i + ", padded to weigh like a real label")));
    }
    for (List<Triple> batch : batches(all)) {
      store.add(batch);
    }
    return all;
  }

  private void removeAndAddBack(TripleStore store, List<Triple> all) {
    for (List<Triple> batch : batches(all)) {
      store.remove(batch);
    }
    for (List<Triple> batch : batches(all)) {
      store.add(batch);
    }
  }

  private static List<List<Triple>> batches(List<Triple> all) {
    List<List<Triple>> batches = new ArrayList<>();
    for (int from = 0; from < all.size(); from += 10_000) {
      batches.add(all.subList(from, Math.min(all.size(), from + 10_000)));
    }
    return batches;
  }

  /** Flush and forced compaction: the smallest the data can be with the snapshots that are live. */
  private static long settle(TripleStore store) {
    store.flush();
    store.reclaim();
    return store.stats().totalSstBytes();
  }

  /** Random values: compression must not hide what the snapshots pin. */
  private void overwriteAll(RocksDB db, byte[] value, byte round) throws RocksDBException {
    java.util.Random random = new java.util.Random(round);
    for (int i = 0; i < triples; i++) {
      random.nextBytes(value);
      db.put(("key-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), value);
    }
  }

  private static long settle(RocksDB db) throws RocksDBException {
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true);
        CompactRangeOptions forced = new CompactRangeOptions()
            .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForceOptimized)) {
      db.flush(flush);
      db.compactRange(null, null, null, forced);
    }
    return db.getLongProperty("rocksdb.total-sst-files-size");
  }

  private static double record(String scenario, long start, long end) {
    double sizeRatio = (double) end / start;
    System.out.printf("%n[bloat] %s: start %,d bytes, end %,d bytes, %.2fx%n", scenario, start, end, sizeRatio);
    return sizeRatio;
  }
}
