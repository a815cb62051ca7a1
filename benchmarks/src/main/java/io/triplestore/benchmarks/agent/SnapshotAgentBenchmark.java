package io.triplestore.benchmarks.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Snapshot;

/**
 * What the snapshot-tracking agent costs the host: a raw {@code getSnapshot} + {@code releaseSnapshot}
 * pair, and a read through a {@code ReadOptions} holding a snapshot. The code here knows nothing of
 * the agent; {@link AgentOverhead} runs it in forks without the agent and with it (stack capture
 * off, sampled 1 in 128, all), in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SnapshotAgentBenchmark {

  private static final byte[] KEY = "key-0042".getBytes(StandardCharsets.UTF_8);

  private Path dir;
  private Options options;
  private RocksDB db;
  private Snapshot readSnapshot;
  private ReadOptions readAtSnapshot;

  @Setup(Level.Trial)
  public void open() throws Exception {
    RocksDB.loadLibrary();
    dir = Files.createTempDirectory("agent-bench");
    options = new Options().setCreateIfMissing(true);
    db = RocksDB.open(options, dir.toString());
    for (int i = 0; i < 1000; i++) {
      db.put(String.format("key-%04d", i).getBytes(StandardCharsets.UTF_8), new byte[100]);
    }
    db.flush(new org.rocksdb.FlushOptions().setWaitForFlush(true));
    readSnapshot = db.getSnapshot();
    readAtSnapshot = new ReadOptions().setSnapshot(readSnapshot);
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    readAtSnapshot.close();
    db.releaseSnapshot(readSnapshot);
    db.close();
    options.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** The call pair the agent instruments. */
  @Benchmark
  public long getSnapshotAndRelease() {
    Snapshot snapshot = db.getSnapshot();
    long sequence = snapshot.getSequenceNumber();
    db.releaseSnapshot(snapshot);
    return sequence;
  }

  /** A read at a snapshot: nothing on this path is instrumented, so it must not slow down. */
  @Benchmark
  public byte[] getThroughReadOptionsAtSnapshot() throws RocksDBException {
    return db.get(readAtSnapshot, KEY);
  }
}
