package io.triplestore.it.daemon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The daemon tests' view of one {@code bin/triplestored} process: their command lines as given
 * (raw arguments), an HTTP helper, and a graceful stop. Launching, the ready line and the log are
 * {@link io.triplestore.it.support.DaemonProcess}'s, shared with the reliability suite.
 */
final class DaemonProcess implements AutoCloseable {

  private static final Duration STOP_BOUND = Duration.ofSeconds(30);

  private final io.triplestore.it.support.DaemonProcess process;
  private final HttpClient client = HttpClient.newHttpClient();

  private DaemonProcess(io.triplestore.it.support.DaemonProcess process) {
    this.process = process;
  }

  /** Runs the launcher with exactly {@code args} and waits for it to exit; for commands that end. */
  static Finished run(Path workDir, List<String> args) {
    io.triplestore.it.support.DaemonProcess.Exit exit = launch(workDir, args, Map.of())
        .withoutFlag("http.port").withoutFlag("jolokia.port")
        .runToExit(Duration.ofSeconds(60));
    return new Finished(exit.code(), exit.output());
  }

  /** Starts the daemon on free ports with {@code args} and waits until it is ready. */
  static DaemonProcess start(Path workDir, List<String> args, Map<String, String> environment) {
    return new DaemonProcess(launch(workDir, args, environment).start());
  }

  private static io.triplestore.it.support.DaemonProcess.Launch launch(
      Path workDir, List<String> args, Map<String, String> environment) {
    io.triplestore.it.support.DaemonProcess.Launch launch =
        io.triplestore.it.support.DaemonProcess.in(workDir).withoutFlag("data.dir");
    args.forEach(launch::argument);
    environment.forEach(launch::env);
    return launch;
  }

  /** Everything the process printed so far. */
  String output() {
    return process.output();
  }

  String jolokiaUrl() {
    return process.jolokia().toString();
  }

  String jmxUrl() {
    return process.jmx();
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    String base = process.http().toString().replaceAll("/$", "");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/n-triples");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sends SIGTERM and waits for the exit; returns its code, fails if it does not stop in time. */
  int terminate(Duration within) {
    int code = process.terminate(within);
    if (code == -1) {
      process.close();
      throw new AssertionError("triplestored did not stop within " + within + ":\n" + process.output());
    }
    return code;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Stops gracefully, as the tests' daemons are meant to end. */
  @Override
  public void close() {
    if (process.isAlive()) {
      terminate(STOP_BOUND);
    }
  }

  /** A command that ran to its end. */
  record Finished(int exitCode, String output) {}
}
