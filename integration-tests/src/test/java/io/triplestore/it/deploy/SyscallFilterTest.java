package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit's system call filter ({@code @system-service} minus {@code @privileged}, plus
 * {@code @chown} for the attach listener) against what the daemon really calls:
 * {@code systemd/syscalls-outside-filter.sh} on an strace log of the built distribution serving
 * HTTP, Jolokia and leases, answering {@code jcmd}, and stopping on SIGTERM. There is no
 * systemd to run the unit here, so this is how the filter is shown not to break the JVM,
 * rocksdbjni, Jetty or JNA. Skipped, saying why, without strace, systemd-analyze or the build.
 */
class SyscallFilterTest {

  private static final Pattern HTTP_URL = Pattern.compile("HTTP API listening on (http://[0-9.:]+)/");
  private static final Pattern JOLOKIA_URL = Pattern.compile("Jolokia listening on (http://[0-9.:]+/jolokia)/");
  private static final Pattern FIRST_PID = Pattern.compile("^(\\d+) ");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The SystemCallFilter= lines of systemd/triplestored.service, as the script prints them. */
  private static final String SHIPPED_FILTER = "SystemCallFilter=@system-service ~@privileged @chown";

  @TempDir Path temp;

  @Test
  void reportsEveryCallTheFilterRefuses() throws IOException {
    assumeTrue(available("systemd-analyze"), "skipped: systemd-analyze not found");
    Path log = syntheticLog();

    ProcessRun run = ProcessRun.run(List.of("bash", script().toString(), log.toString()), env -> { });

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stdout()).contains("system calls used: 5")
        .contains("refused by " + SHIPPED_FILTER + " (would fail with EPERM):\n  mount\n  setuid\n")
        .doesNotContain("  chown");
  }

  /** The filter comes from the unit's lines: without the {@code @chown} line, chown is refused. */
  @Test
  void readsTheFilterFromTheUnit() throws IOException {
    assumeTrue(available("systemd-analyze"), "skipped: systemd-analyze not found");
    Path unit = temp.resolve("triplestored.service");
    List<String> lines = Files.readAllLines(RepositoryFiles.file("systemd/triplestored.service"));
    assertThat(lines).contains("SystemCallFilter=@chown");
    Files.write(unit, lines.stream().filter(line -> !line.equals("SystemCallFilter=@chown")).toList());

    ProcessRun run = ProcessRun.run(List.of("bash", script().toString(), syntheticLog().toString(), unit.toString()),
        env -> { });

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stdout())
        .contains("refused by SystemCallFilter=@system-service ~@privileged (would fail with EPERM):\n"
            + "  chown\n  mount\n  setuid\n");
  }

  @Test
  void daemonAtWorkMakesOnlyCallsTheFilterAllows() throws Exception {
    assumeTrue(available("systemd-analyze"), "skipped: systemd-analyze not found");
    assumeTrue(ProcessRun.run(List.of("strace", "-f", "-qq", "-o", "/dev/null", "true"), env -> { }).exitCode() == 0,
        "skipped: strace not found or not permitted here");
    Optional<Path> archive = RepositoryFiles.distributionArchive();
    assumeTrue(archive.isPresent(), "skipped: no built distribution archive (./mvnw -pl daemon -am package)");
    Path launcher = unpack(archive.get()).resolve("bin/triplestored");

    Path strace = temp.resolve("daemon.strace");
    Path output = temp.resolve("daemon.out");
    Path jvmTemp = Files.createDirectories(temp.resolve("tmp"));
    ProcessBuilder builder = new ProcessBuilder("strace", "-f", "-qq", "-o", strace.toString(), launcher.toString())
        .redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TRIPLESTORE_") || name.equals("JAVA_OPTS"));
    builder.environment().put("TRIPLESTORE_DATA_DIR", temp.resolve("data").toString());
    builder.environment().put("TRIPLESTORE_HTTP_PORT", "0");
    builder.environment().put("TRIPLESTORE_JOLOKIA_PORT", "0");
    builder.environment().put("TRIPLESTORE_JOLOKIA_USER", "ops");
    builder.environment().put("TRIPLESTORE_JOLOKIA_PASSWORD", "syscall-test");
    builder.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + jvmTemp);
    Process traced = builder.start();
    try {
      String log = Awaitility.await("triplestored ready").atMost(Duration.ofMinutes(2)).ignoreExceptions()
          .until(() -> Files.readString(output), text -> text.contains("triplestored ready") || !traced.isAlive());
      assertThat(log).contains("triplestored ready");
      long jvmPid = Long.parseLong(find(FIRST_PID, Files.readAllLines(strace).get(0)));
      assertThat(ProcessHandle.of(jvmPid)).as("the JVM, exec'd by the launcher").isPresent();
      exercise(find(HTTP_URL, log), find(JOLOKIA_URL, log));
      attachAsAnOperatorDoes(jvmPid);

      ProcessHandle.of(jvmPid).get().destroy(); // SIGTERM, as systemd stops it
      assertThat(traced.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
      assertThat(traced.exitValue()).as(Files.readString(output)).isIn(0, 143);
    } finally {
      traced.destroyForcibly();
    }

    ProcessRun check = ProcessRun.run(List.of("bash", script().toString(), strace.toString()), env -> { });
    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.stdout()).contains("all allowed by " + SHIPPED_FILTER);
  }

  /** Adds a triple, reads it at a lease, releases it; reads and executes through Jolokia. */
  private static void exercise(String api, String jolokia) throws Exception {
    assertThat(send(HttpRequest.newBuilder(URI.create(api + "/triples"))
        .header("Content-Type", "application/n-triples")
        .POST(HttpRequest.BodyPublishers.ofString("<http://example.org/s> <http://example.org/p> \"o\" .\n")))
        .statusCode()).isEqualTo(200);
    HttpResponse<String> lease = send(HttpRequest.newBuilder(URI.create(api + "/snapshots?ttl=PT1M&owner=syscalls"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(lease.statusCode()).as(lease.body()).isEqualTo(201);
    String id = find(Pattern.compile("\"id\":(\\d+)"), lease.body());
    assertThat(send(HttpRequest.newBuilder(URI.create(api + "/triples?snapshot=" + id)).GET()).body())
        .contains("<http://example.org/s>");
    assertThat(send(HttpRequest.newBuilder(URI.create(api + "/snapshots/" + id)).DELETE()).statusCode()).isEqualTo(204);
    String auth = "Basic " + Base64.getEncoder().encodeToString("ops:syscall-test".getBytes(StandardCharsets.UTF_8));
    for (String path : List.of("/read/io.triplestore:type=Store/Triples", "/exec/io.triplestore:type=Store/reclaim",
        "/read/java.lang:type=Memory/HeapMemoryUsage")) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(jolokia + path)).header("Authorization", auth).GET());
      assertThat(answer.body()).as(path).contains("\"status\":200");
    }
  }

  /**
   * Runs {@code jcmd PID VM.version}, as an operator does before {@code JFR.start}: the first
   * attach makes the JVM start its attach listener, which creates its socket and {@code chown}s it
   * to the JVM's own uid/gid. Without this the log holds those calls only if something happened to
   * attach during the run.
   */
  private static void attachAsAnOperatorDoes(long jvmPid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    assumeTrue(Files.isExecutable(jcmd), "skipped: " + jcmd + " not found (the tests run on a JRE)");
    ProcessRun run = ProcessRun.run(List.of(jcmd.toString(), Long.toString(jvmPid), "VM.version"), env -> { });
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).as(run.output()).contains(jvmPid + ":").contains("JDK ");
  }

  /** An strace log with two calls the shipped filter refuses and chown, which it allows. */
  private Path syntheticLog() throws IOException {
    return Files.writeString(temp.resolve("synthetic.strace"), String.join("\n",
        "100 openat(AT_FDCWD, \"/etc/hosts\", O_RDONLY) = 3",
        "100 setuid(0) = -1 EPERM (Operation not permitted)",
        "100 chown(\"/tmp/.java_pid100\", 1000, 1000) = 0",
        "101 <... mount resumed>) = 0",
        "101 read(3, \"\", 4096) = 0", ""));
  }

  /** Unpacks {@code archive} with tar, as an operator would (keeping the launcher executable). */
  private Path unpack(Path archive) throws IOException {
    Path target = Files.createDirectories(temp.resolve("dist"));
    ProcessRun tar = ProcessRun.run(List.of("tar", "-xzf", archive.toString(), "-C", target.toString()), env -> { });
    assertThat(tar.exitCode()).as(tar.output()).isZero();
    try (Stream<Path> entries = Files.list(target)) {
      return entries.filter(Files::isDirectory).findFirst()
          .orElseThrow(() -> new AssertionError(archive + " has no top directory"));
    }
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in:%n%s", pattern, text).isTrue();
    return matcher.group(1);
  }

  private static Path script() {
    return RepositoryFiles.file("systemd/syscalls-outside-filter.sh");
  }

  private static boolean available(String command) {
    return ProcessRun.run(List.of("sh", "-c", "command -v " + command), env -> { }).exitCode() == 0;
  }
}
