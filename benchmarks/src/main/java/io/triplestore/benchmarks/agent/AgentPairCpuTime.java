package io.triplestore.benchmarks.agent;

import io.triplestore.benchmarks.registry.Arguments;
import io.triplestore.benchmarks.registry.TempRocksDb;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * The pair of {@link SnapshotAgentBenchmark#getSnapshotAndRelease} timed by the thread's CPU time,
 * without the agent and with it in several set-ups, each in its own JVM, the set-ups alternated
 * pass after pass so that every ratio compares runs of the same minute. On a shared 2-vCPU machine
 * the wall clock also counts the time a thread waited for a core, which swamps an 80 ns pair; CPU
 * time does not (nor work on other threads, such as the agent's hand-off thread, which runs once a
 * tick).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.triplestore.benchmarks.agent.AgentPairCpuTime <agent jar> [passes=3] [rounds=30]}. Each JVM
 * runs 30 warm-up rounds and then {@code rounds} rounds of 200,000 pairs, and reports the median.
 */
public final class AgentPairCpuTime {

  private static final int PAIRS_PER_ROUND = 200_000;
  private static final int WARMUP_ROUNDS = 30;
  private static final String CHILD = "--child";
  private static Object sink;

  private AgentPairCpuTime() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals(CHILD)) {
      child(Integer.parseInt(args[1]));
      return;
    }
    if (args.length < 1 || !Files.isRegularFile(Paths.get(args[0]))) {
      System.err.println("usage: AgentPairCpuTime <triplestore-agent jar> [passes=3] [rounds=30]");
      System.exit(2);
    }
    Path agent = Paths.get(args[0]).toAbsolutePath();
    int passes = args.length > 1 ? Arguments.positive("passes", args[1]) : 3;
    int rounds = args.length > 2 ? Arguments.positive("rounds", args[2]) : 30;

    Map<String, String> setups = AgentSetups.all();
    // A stack walk per pair: 2 to 3 µs, whose figure JMH gives well enough; it would triple the run.
    setups.remove(AgentSetups.STACK_ALL);

    System.out.println("| pass | setup | CPU ns per pair (median) | vs no agent, same pass |");
    System.out.println("|---:|---|---:|---:|");
    for (int pass = 1; pass <= passes; pass++) {
      double bare = Double.NaN;
      for (Map.Entry<String, String> setup : setups.entrySet()) {
        double nanos = runChild(agent, setup.getValue(), rounds);
        if (setup.getValue() == null) {
          bare = nanos;
        }
        System.out.printf(Locale.ROOT, "| %d | %s | %.1f | %.2fx |%n", pass, setup.getKey(), nanos, nanos / bare);
      }
    }
  }

  private static double runChild(Path agent, String options, int rounds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms512m");
    command.add("-Xmx512m");
    if (options != null) {
      command.add("-javaagent:" + agent + "=" + options + ",log=" + Files.createTempFile("agent", ".log"));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), AgentPairCpuTime.class.getName(), CHILD,
        Integer.toString(rounds)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String last = null;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        last = line;
      }
    }
    if (process.waitFor() != 0 || last == null || !last.startsWith("median ")) {
      throw new IllegalStateException("the measuring JVM failed (" + options + "): " + last);
    }
    return Double.parseDouble(last.substring("median ".length()));
  }

  private static void child(int rounds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (TempRocksDb rocks = TempRocksDb.open()) {
      RocksDB db = rocks.db();
      double[] perPair = new double[rounds];
      for (int round = -WARMUP_ROUNDS; round < rounds; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < PAIRS_PER_ROUND; i++) {
          Snapshot snapshot = db.getSnapshot();
          sink = snapshot.getSequenceNumber();
          db.releaseSnapshot(snapshot);
        }
        long spent = threads.getCurrentThreadCpuTime() - start;
        if (round >= 0) {
          perPair[round] = spent / (double) PAIRS_PER_ROUND;
        }
      }
      Arrays.sort(perPair);
      System.out.printf(Locale.ROOT, "median %.2f%n", perPair[rounds / 2]);
    }
  }
}
