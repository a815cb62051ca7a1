package io.triplestore.benchmarks.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SnapshotAgentBenchmark} without the agent and with it in three stack-capture modes
 * (with the default grace period), and in two of them with {@code grace=0}, each in its own forks
 * (only the forks' JVM arguments differ), and prints each benchmark's time with its ratio to the
 * run without the agent.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.triplestore.benchmarks.agent.AgentOverhead \
 *     agent/target/triplestore-agent-0.1.0-SNAPSHOT.jar [forks] [iterations]
 * </pre>
 */
public final class AgentOverhead {

  private AgentOverhead() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || !Files.isRegularFile(Paths.get(args[0]))) {
      System.err.println("usage: AgentOverhead <triplestore-agent jar> [forks=2] [iterations=5]");
      System.exit(2);
    }
    Path agent = Paths.get(args[0]).toAbsolutePath();
    int forks = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 5;

    Map<String, String> setups = AgentSetups.all();

    Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
    for (Map.Entry<String, String> setup : setups.entrySet()) {
      List<String> jvmArgs = new ArrayList<>(List.of("-Xms512m", "-Xmx512m"));
      if (setup.getValue() != null) {
        jvmArgs.add("-javaagent:" + agent + "=" + setup.getValue() + ",log=" + Files.createTempFile("agent", ".log"));
      }
      Options options = new OptionsBuilder()
          .include(SnapshotAgentBenchmark.class.getName())
          .forks(forks)
          .warmupIterations(iterations).warmupTime(TimeValue.seconds(1))
          .measurementIterations(iterations).measurementTime(TimeValue.seconds(1))
          .timeUnit(TimeUnit.NANOSECONDS)
          .jvmArgsAppend(jvmArgs.toArray(String[]::new))
          .build();
      for (RunResult result : new Runner(options).run()) {
        String benchmark = result.getParams().getBenchmark();
        benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        double score = result.getPrimaryResult().getScore();
        double error = result.getPrimaryResult().getScoreError();
        results.computeIfAbsent(benchmark, b -> new LinkedHashMap<>()).put(setup.getKey(), new double[] {score, error});
      }
    }

    System.out.println();
    System.out.println("| benchmark | setup | ns/op | ± (99.9%) | vs no agent |");
    System.out.println("|---|---|---:|---:|---:|");
    for (Map.Entry<String, Map<String, double[]>> benchmark : results.entrySet()) {
      double baseline = benchmark.getValue().get(AgentSetups.NO_AGENT)[0];
      for (Map.Entry<String, double[]> setup : benchmark.getValue().entrySet()) {
        double[] r = setup.getValue();
        System.out.println(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2fx |",
            benchmark.getKey(), setup.getKey(), r[0], r[1], r[0] / baseline));
      }
    }
  }
}
