package io.triplestore.it.support;

import static org.awaitility.Awaitility.await;

import io.triplestore.it.daemon.Distribution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shipped distribution ({@code triplestored-<version>.tar.gz}, unpacked) started as a separate
 * JVM, the way an operator starts it: a builder of flags and environment, SIGKILL and SIGTERM, and
 * the crash reports. (The daemon's own tests see it through {@code it.daemon.DaemonProcess}.) Stdout and stderr go to a log file in the
 * process's working directory (also where a JVM crash would leave its {@code hs_err} file); the
 * HTTP and Jolokia addresses are read from the "ready" line, since tests bind every port to 0.
 */
public final class DaemonProcess implements AutoCloseable {

  /** How long a start may take on a busy 2-core machine. */
  public static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Pattern READY = Pattern.compile("triplestored ready: http=(\\S+) jolokia=(\\S+) jmx=(\\S+)");

  private final Process process;
  private final Path workDir;
  private final Path log;
  private URI http;
  private URI jolokia;
  private String jmx;

  private DaemonProcess(Process process, Path workDir, Path log) {
    this.process = process;
    this.workDir = workDir;
    this.log = log;
  }

  /** The shipped archive, unpacked once per test JVM (shared with the daemon's own tests). */
  public static Path distribution() {
    try {
      return Distribution.home();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A launch of the daemon in {@code workDir}; every port defaults to 0. */
  public static Launch in(Path workDir) {
    return new Launch(workDir);
  }

  /** What to start, and how. */
  public static final class Launch {
    private final Path workDir;
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private int attempt;

    private Launch(Path workDir) {
      this.workDir = workDir;
      flags.put("data.dir", workDir.resolve("data").toString());
      flags.put("http.port", "0");
      flags.put("jolokia.port", "0");
    }

    /** A {@code --key=value} flag; replaces an earlier one of the same key. */
    public Launch flag(String key, String value) {
      flags.put(key, value);
      return this;
    }

    /** Leaves {@code key} to the environment, file or default. */
    public Launch withoutFlag(String key) {
      flags.remove(key);
      return this;
    }

    public Launch env(String name, String value) {
      environment.put(name, value);
      return this;
    }

    /** A raw command-line argument after the flags (e.g. {@code --config path}). */
    public Launch argument(String argument) {
      arguments.add(argument);
      return this;
    }

    /** Starts the daemon and waits for its "ready" line; fails with the log if it exits first. */
    public DaemonProcess start() {
      DaemonProcess daemon = spawn();
      try {
        await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(daemon::readyOrExited);
        if (daemon.http == null) {
          throw new IllegalStateException("triplestored exited with " + daemon.process.exitValue()
              + " before it was ready:\n" + daemon.output());
        }
      } catch (RuntimeException | Error e) {
        daemon.close();
        throw e;
      }
      return daemon;
    }

    /**
     * Starts the process without waiting for a "ready" line: for a command that never serves
     * ({@code import}), to watch its output and kill it.
     */
    public DaemonProcess launch() {
      return spawn();
    }

    /** Runs the daemon to its exit (bad configurations, {@code --help}): exit code and output. */
    public Exit runToExit(Duration bound) {
      DaemonProcess daemon = spawn();
      try {
        if (!daemon.process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
          throw new IllegalStateException("triplestored still running after " + bound + ":\n" + daemon.output());
        }
        return new Exit(daemon.process.exitValue(), daemon.output());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        daemon.close();
      }
    }

    private DaemonProcess spawn() {
      List<String> command = new ArrayList<>();
      command.add(distribution().resolve("bin/triplestored").toString());
      flags.forEach((key, value) -> command.add("--" + key + "=" + value));
      command.addAll(arguments);
      try {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("triplestored-" + (++attempt) + "-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("TRIPLESTORE_") || name.equals("NOTIFY_SOCKET"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS", "-Xmx256m -XX:ErrorFile=" + workDir.resolve("hs_err_pid%p.log"));
        env.putAll(environment);
        return new DaemonProcess(builder.start(), workDir, log);
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + command, e);
      }
    }
  }

  /** How a run ended. */
  public record Exit(int code, String output) {}

  private boolean readyOrExited() {
    Matcher ready = READY.matcher(output());
    if (ready.find()) {
      http = URI.create(ready.group(1));
      jolokia = URI.create(ready.group(2));
      jmx = ready.group(3);
      return true;
    }
    return !process.isAlive();
  }

  /** The HTTP API's base, e.g. {@code http://127.0.0.1:41234/}. */
  public URI http() {
    return http;
  }

  /** Jolokia's base, e.g. {@code http://127.0.0.1:41235/jolokia/}, or null when off. */
  public URI jolokia() {
    return jolokia;
  }

  /** The remote JMX service URL as logged, or {@code off}. */
  public String jmx() {
    return jmx;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code; the process must have ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /** Everything the process printed so far. */
  public String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> outputLines() {
    return output().lines().toList();
  }

  /** SIGKILL: no shutdown hook, no flush, as a power cut looks to the JVM. */
  public void kill() {
    process.destroyForcibly();
    waitFor(Duration.ofSeconds(30));
  }

  /** SIGTERM, then waits at most {@code bound}; returns the exit code, or -1 if still running. */
  public int terminate(Duration bound) {
    process.destroy();
    return waitFor(bound) ? process.exitValue() : -1;
  }

  /** Sends signal {@code name} ({@code INT}, {@code HUP}, ...) with kill(1), then waits at most {@code bound}; the exit code, or -1. */
  public int signal(String name, Duration bound) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return waitFor(bound) ? process.exitValue() : -1;
  }

  private boolean waitFor(Duration bound) {
    try {
      return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** JVM crash reports ({@code hs_err_pid*.log}) in the working directory. */
  public List<Path> crashReports() {
    return crashReports(workDir);
  }

  /** JVM crash reports in {@code directory}. */
  public static List<Path> crashReports(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith("hs_err")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kills the process if it still runs (a test that failed half-way must not leave it behind). */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      waitFor(Duration.ofSeconds(30));
    }
  }
}
