package io.triplestore.it.agent;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A host application in its own JVM: started with the shipped agent jar (or without, to attach
 * later), driven through stdin, observed through its stdout and stderr lines.
 */
final class HostProcess implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final PrintWriter stdin;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private HostProcess(Process process) {
    this.process = process;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    pump(process.getInputStream(), stdout, "stdout");
    pump(process.getErrorStream(), stderr, "stderr");
  }

  /**
   * Starts {@code main} with {@code jvmArgs} and the given rocksdbjni jar (null for none); waits
   * until it is ready.
   */
  static HostProcess start(List<String> jvmArgs, Path rocksDbJar, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(AgentJars.testClasses() + (rocksDbJar == null ? "" : java.io.File.pathSeparator + rocksDbJar));
    command.add(main.getName());
    command.addAll(List.of(args));
    HostProcess host = new HostProcess(new ProcessBuilder(command).start());
    host.awaitStdout(line -> line.startsWith("ready"));
    return host;
  }

  long pid() {
    return process.pid();
  }

  /** Sends {@code command} and waits for the host's {@code ok} (failing on its {@code error}). */
  void run(String command) {
    int seen = stdout.size();
    stdin.println(command);
    await().atMost(TIMEOUT).until(() -> answered(command, seen));
    String answer = stdout.subList(seen, stdout.size()).stream()
        .filter(line -> line.equals("ok " + command) || line.startsWith("error " + command + ":"))
        .findFirst().orElseThrow();
    if (!answer.startsWith("ok ")) {
      throw new AssertionError("host failed: " + answer + "\nstderr:\n" + stderrText());
    }
  }

  /** Runs {@code count} and returns the line it printed: {@code count native=N tracked=M}. */
  String count() {
    int seen = stdout.size();
    run("count");
    return stdout.subList(seen, stdout.size()).stream().filter(l -> l.startsWith("count ")).findFirst().orElseThrow();
  }

  private boolean answered(String command, int from) {
    for (String line : stdout.subList(from, stdout.size())) {
      if (line.equals("ok " + command) || line.startsWith("error " + command + ":")) {
        return true;
      }
    }
    if (!process.isAlive()) {
      throw new AssertionError("host exited with " + process.exitValue() + "\nstderr:\n" + stderrText());
    }
    return false;
  }

  String awaitStdout(Predicate<String> wanted) {
    return awaitLine(stdout, wanted);
  }

  /** Waits for a stderr line matching {@code wanted} and returns it. */
  String awaitStderr(Predicate<String> wanted) {
    return awaitLine(stderr, wanted);
  }

  private String awaitLine(List<String> lines, Predicate<String> wanted) {
    await().atMost(TIMEOUT).until(() -> {
      if (lines.stream().anyMatch(wanted)) {
        return true;
      }
      if (!process.isAlive() && lines.stream().noneMatch(wanted)) {
        throw new AssertionError("host exited with " + process.exitValue() + "\nstdout:\n"
            + String.join("\n", stdout) + "\nstderr:\n" + stderrText());
      }
      return false;
    });
    return lines.stream().filter(wanted).findFirst().orElseThrow();
  }

  /** The stderr lines with the agent's prefix, without it. */
  List<String> agentLines() {
    return stderr.stream().filter(l -> l.startsWith("[triplestore-agent] "))
        .map(l -> l.substring("[triplestore-agent] ".length())).collect(Collectors.toList());
  }

  /** The agent's report that starts with {@code headline} and its indented detail lines. */
  List<String> agentReport(String headline) {
    List<String> lines = agentLines();
    List<String> report = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(headline)) {
        report.add(lines.get(i));
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("    "); j++) {
          report.add(lines.get(j).trim());
        }
        return report;
      }
    }
    return report;
  }

  List<String> stdout() {
    return stdout;
  }

  String stderrText() {
    return String.join("\n", stderr);
  }

  /** Tells the host to exit and waits; returns its exit code. */
  int exit() throws InterruptedException {
    stdin.println("exit");
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("host did not exit\nstderr:\n" + stderrText());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private static void pump(InputStream stream, List<String> into, String name) {
    Thread pump = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          into.add(line);
        }
      } catch (IOException e) {
        into.add("(" + name + " unreadable: " + e + ")");
      }
    }, "host-" + name);
    pump.setDaemon(true);
    pump.start();
  }
}
