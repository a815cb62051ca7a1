package io.triplestore.it.reliability.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.reliability.Figures;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Agent fault isolation: {@link FaultyHost} run without the agent and with it (default options,
 * aggressive options, and options that break tracking or are plain wrong), and
 * {@link InterleavingHost}, which does only legal things in the orders that once made the agent
 * skip a host's release (issue 12, case 5) or free a snapshot twice (case 6). The host's own
 * output, exceptions and exit code must be exactly the same; a bad option is reported once on
 * stderr by the agent, and the host runs. The agent jar is the shipped one (system property
 * {@code triplestore.agent.jar}, set by the build).
 */
class AgentFaultIsolationTest {

  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final AtomicInteger BAD_OPTIONS = new AtomicInteger();
  private static final Figures FIGURES = Figures.of("agent fault isolation");
  private static final Map<String, Run> BASELINES = new HashMap<>();

  @TempDir
  static Path workDir;

  @AfterAll
  static void report() {
    FIGURES.put("operations", RUNS.get()).put("faultsInjected", RUNS.get()).put("badInputsTried", BAD_OPTIONS.get())
        .put("losses", 0).print();
  }

  /** What the JVM itself prints on stdout while it crashes: log lines and error-reporting notes. */
  private static final java.util.regex.Pattern JVM_LOG_LINE = java.util.regex.Pattern.compile(
      "\\[(\\d+\\.\\d+s\\]\\[\\w+|thread \\d+ also had an error|error occurred during error reporting|Too many errors)");

  /**
   * How a host run ended: its exit code, stdout without the JVM's crash banner, stderr, and the
   * Java frames of the crashing thread when the JVM wrote a crash report (rocksdbjni on a closed
   * database sometimes faults, sometimes aborts, so whether there is a report is not compared).
   */
  record Run(int exit, List<String> hostOutput, String stderr, List<String> crashFrames) {}

  static Stream<Arguments> agentOptions() {
    return Stream.of(
        options("default options", "", "script", null),
        options("every stack captured, short TTL and tick", "stack=all,ttl=50ms,tick=20ms,warn=0.5", "script", null),
        options("a package prefix that matches nothing (tracking off)", "package=org.nothing", "script", null),
        options("TTL that is not a duration", "ttl=banana", "script", "ttl"),
        options("stack sampling of 0", "stack=sample:0", "script", "stack"),
        options("unknown option", "frobnicate=yes", "script", "frobnicate"),
        options("warning fraction above 1", "warn=2", "script", "warn"),
        options("option without a value", "ttl", "script", "ttl"),
        options("grace period that is not a duration", "grace=soon", "script", "grace"),
        options("getSnapshot on a closed database", "", "get-after-close", null),
        options("releaseSnapshot on a closed database", "", "release-after-close", null),
        // Case 5: an operator's force-release racing getSnapshot must never cost the host its own release.
        options("force-release storm, default options", "", "force-release-storm", null),
        options("force-release storm, release=expired", "release=expired", "force-release-storm", null),
        // The same with every snapshot registered on the host's thread, and with a hand-off every
        // millisecond racing the host's releases and the operator's force-releases.
        options("force-release storm, grace=0", "grace=0", "force-release-storm", null),
        options("force-release storm, release=expired, grace=0", "release=expired,grace=0", "force-release-storm", null),
        options("force-release storm, hand-off every millisecond", "grace=1ms,tick=1ms", "force-release-storm", null),
        options("force-release storm, release=expired, hand-off every millisecond", "release=expired,grace=1ms,tick=1ms",
            "force-release-storm", null),
        // Case 6: s1 expires and is freed by the agent, s2 likely gets its address, s1 is released late.
        options("late release of an expired snapshot, release=expired", "ttl=100ms,tick=20ms,release=expired",
            "late-release-of-expired", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("agentOptions")
  void hostBehavesExactlyAsWithoutTheAgent(String agentOptions, String mode, String badKey) throws Exception {
    Run without = baseline(mode);
    Run with = runHost(mode, agentOptions);

    assertThat(with.hostOutput()).as("host output with agent options '%s'; stderr:\n%s", agentOptions, with.stderr())
        .isEqualTo(without.hostOutput());
    assertThat(with.exit()).as("exit code").isEqualTo(without.exit());
    assertThat(with.crashFrames()).as("the JVM crashed inside the agent").noneMatch(frame -> frame.contains("io.triplestore.agent"));
    assertThat(with.stderr()).as("every snapshot is taken after the agent started: none is untracked")
        .doesNotContain("UNTRACKED");
    if (badKey != null) {
      BAD_OPTIONS.incrementAndGet();
      List<String> agentLines = with.stderr().lines().filter(line -> line.contains("triplestore-agent")).toList();
      assertThat(agentLines).as("the agent says what is wrong, naming '%s'", badKey)
          .anySatisfy(line -> assertThat(line).contains(badKey));
    }
  }

  private static synchronized Run baseline(String mode) throws Exception {
    Run run = BASELINES.get(mode);
    if (run == null) {
      run = runHost(mode, null);
      assertThat(run.stderr()).doesNotContain("triplestore-agent");
      BASELINES.put(mode, run);
    }
    return run;
  }

  /** Runs the host; {@code agentOptions} null runs it without the agent. */
  private static Run runHost(String mode, String agentOptions) throws Exception {
    Path dir = Files.createTempDirectory(workDir, "host");
    List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log")));
    if (agentOptions != null) {
      command.add("-javaagent:" + jar("triplestore.agent.jar") + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    command.addAll(List.of("-cp", testClasses() + File.pathSeparator + jar("triplestore.rocksdbjni.jar"),
        hostFor(mode).getName(), dir.resolve("db").toString(), mode));
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("host did not finish: " + Files.readString(out));
    }
    RUNS.incrementAndGet();
    List<String> hostOutput = Files.readAllLines(out, StandardCharsets.UTF_8).stream()
        // The JVM's own crash banner ("#") and its log lines ("[0.999s][warning][os] ...", JDK 25 writing a
        // crash report), when rocksdbjni faults or aborts: whether it faults is not deterministic.
        .filter(line -> !line.startsWith("#") && !JVM_LOG_LINE.matcher(line).lookingAt()).toList();
    return new Run(process.exitValue(), hostOutput, Files.readString(err, StandardCharsets.UTF_8), crashFrames(dir));
  }

  /** The Java frames ("j " interpreted, "J " compiled) of every crash report in {@code dir}. */
  private static List<String> crashFrames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<String> frames = new ArrayList<>();
      for (Path report : files.filter(file -> file.getFileName().toString().startsWith("hs_err")).toList()) {
        Files.readAllLines(report, StandardCharsets.ISO_8859_1).stream()
            .filter(line -> line.startsWith("j ") || line.startsWith("J ")).forEach(frames::add);
      }
      return frames;
    }
  }

  private static Path jar(String property) throws IOException {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IOException("system property " + property + " = " + value + " is not a file: build through Maven");
    }
    return Path.of(value);
  }

  private static Class<?> hostFor(String mode) {
    return mode.equals("force-release-storm") || mode.equals("late-release-of-expired")
        ? InterleavingHost.class : FaultyHost.class;
  }

  private static Path testClasses() throws Exception {
    return Paths.get(FaultyHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static Arguments options(String name, String agentOptions, String mode, String badKey) {
    return Arguments.of(Named.of(name, agentOptions), mode, badKey);
  }
}
