package io.triplestore.it.daemon;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code bin/triplestored} process of the unpacked distribution, in its own JVM, with its
 * output in a log file. Started on port 0 everywhere; the ports obtained are read from the
 * "triplestored ready" line it logs.
 */
final class DaemonProcess implements AutoCloseable {

  private static final Pattern READY = Pattern.compile(
      "triplestored ready: http=http://([^/ ]+)/ jolokia=(\\S+) jmx=(\\S+)");

  private final Process process;
  private final Path log;
  private String httpAddress;
  private String jolokiaUrl;
  private String jmxUrl;
  private final HttpClient client = HttpClient.newHttpClient();

  private DaemonProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Runs the launcher with {@code args} and waits for it to exit; for commands that end. */
  static Finished run(Path workDir, List<String> args) throws Exception {
    DaemonProcess daemon = launch(workDir, args, Map.of());
    if (!daemon.process.waitFor(60, TimeUnit.SECONDS)) {
      daemon.process.destroyForcibly();
      throw new AssertionError("triplestored did not exit: " + daemon.output());
    }
    return new Finished(daemon.process.exitValue(), daemon.output());
  }

  /** Starts the daemon on free ports and waits until it is ready (or has exited). */
  static DaemonProcess start(Path workDir, List<String> args, Map<String, String> environment) throws Exception {
    List<String> all = new ArrayList<>(List.of("--http.port=0", "--jolokia.port=0"));
    all.addAll(args);
    DaemonProcess daemon = launch(workDir, all, environment);
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
        .until(() -> !daemon.process.isAlive() || READY.matcher(daemon.output()).find());
    Matcher ready = READY.matcher(daemon.output());
    if (!ready.find()) {
      throw new AssertionError("triplestored exited with " + daemon.process.exitValue() + " before it was ready:\n"
          + daemon.output());
    }
    daemon.httpAddress = ready.group(1);
    daemon.jolokiaUrl = ready.group(2);
    daemon.jmxUrl = ready.group(3);
    return daemon;
  }

  private static DaemonProcess launch(Path workDir, List<String> args, Map<String, String> environment)
      throws Exception {
    Path home = Distribution.home();
    List<String> command = new ArrayList<>();
    command.add(home.resolve("bin/triplestored").toString());
    command.addAll(args);
    Files.createDirectories(workDir);
    Path log = Files.createTempFile(workDir, "triplestored", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS", "-Xmx256m");
    builder.environment().keySet().removeIf(name -> name.startsWith("TRIPLESTORE_") || name.equals("NOTIFY_SOCKET"));
    builder.environment().putAll(environment);
    return new DaemonProcess(builder.start(), log);
  }

  /** Everything the process printed so far. */
  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  String jolokiaUrl() {
    return jolokiaUrl;
  }

  String jmxUrl() {
    return jmxUrl;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + httpAddress + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/n-triples");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM ({@link Process#destroy()}) and waits for the exit; returns its code. */
  int terminate(Duration within) throws Exception {
    process.destroy();
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("triplestored did not stop within " + within + ":\n" + output());
    }
    return process.exitValue();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      terminate(Duration.ofSeconds(30));
    }
  }

  /** A command that ran to its end. */
  record Finished(int exitCode, String output) {}
}
