package io.triplestore.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The shipped {@code systemd/triplestored.service} and {@code triplestored.env}, installed from
 * the distribution archive as docs/OPERATIONS.md says, run by a real systemd (PID 1 of a
 * container of the local systemd image): readiness, status text, journal priorities, a clean
 * stop, a restart after SIGKILL with every acknowledged write kept, and what the hardening lets
 * the service write. Every test starts the service itself and leaves it stopped.
 */
@RequiresContainerEngine
@Testcontainers
class SystemdServiceContainerTest {

  private static final String UNIT = "triplestored.service";
  private static final String API = "http://127.0.0.1:8080";
  private static final String DROP_IN_DIR = "/etc/systemd/system/" + UNIT + ".d";
  /** An unknown TRIPLESTORE_* variable: the daemon starts and logs one warning about it. */
  private static final String UNKNOWN_VARIABLE = "TRIPLESTORE_NOT_A_KEY";

  @Container
  private static final GenericContainer<?> SYSTEMD = new GenericContainer<>(DockerImageName.parse(LocalImages.systemd()))
      .withCopyFileToContainer(MountableFile.forHostPath(TriplestoredImage.archive()), "/root/triplestored.tar.gz")
      // What systemd needs as PID 1 here (--privileged is refused on this kind of machine):
      // mount rights, its own tmpfs for /run, a cgroup namespace; SIGRTMIN+3 halts it cleanly.
      // SYS_PTRACE, which PID 1 of a host has: without it, ProtectProc=invisible hides the service's
      // own /proc entry from the helper that writes its uid_map for PrivateUsers=yes, and the start
      // fails with "Failed to set up user namespacing: No such file or directory" (status 217/USER;
      // systemd/systemd#29656).
      .withCreateContainerCmdModifier(create -> {
        create.withStopSignal("SIGRTMIN+3");
        create.getHostConfig()
            .withCapAdd(Capability.SYS_ADMIN, Capability.SYS_PTRACE)
            .withTmpFs(Map.of("/run", "rw", "/run/lock", "rw"))
            .withCgroupnsMode("private");
      });

  @BeforeAll
  static void installTheServiceAsTheGuideSays() throws Exception {
    Awaitility.await("systemd has booted").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
        .until(() -> SYSTEMD.execInContainer("systemctl", "is-system-running").getStdout().strip(),
            state -> state.equals("running") || state.equals("degraded"));
    shell("tar -xzf /root/triplestored.tar.gz -C /opt"
        + " && ln -s /opt/triplestored-*/ /opt/triplestored"
        + " && cp /opt/triplestored/systemd/" + UNIT + " /etc/systemd/system/"
        + " && install -d -m 0755 /etc/triplestored"
        + " && install -m 0600 /opt/triplestored/systemd/triplestored.env /etc/triplestored/"
        + " && echo " + UNKNOWN_VARIABLE + "=1 >> /etc/triplestored/triplestored.env"
        + " && systemctl daemon-reload");
  }

  @AfterEach
  void stopTheServiceAndRemoveDropIns() throws Exception {
    shell("systemctl stop " + UNIT + "; systemctl reset-failed " + UNIT + " 2>/dev/null;"
        + " rm -rf " + DROP_IN_DIR + " && systemctl daemon-reload");
  }

  @Test
  void startReturnsOnlyOnceTheDaemonIsReadyAndStatusShowsItsStatusText() throws Exception {
    exec("systemctl", "start", UNIT);

    // No waiting: with Type=notify, `systemctl start` returned after READY=1, which the daemon
    // sends once HTTP and Jolokia listen.
    assertThat(exec("curl", "-sS", "--fail", API + "/health").getStdout()).contains("\"status\":\"UP\"");
    assertThat(property("ActiveState")).isEqualTo("active");
    assertThat(property("StatusText")).startsWith("serving http=http://127.0.0.1:8080/ jolokia=");
    assertThat(SYSTEMD.execInContainer("systemctl", "status", "--no-pager", UNIT).getStdout())
        .contains("Status: \"serving http=http://127.0.0.1:8080/");
  }

  @Test
  void warningsReachTheJournalWithWarningPriorityAndInfoDoesNot() throws Exception {
    exec("systemctl", "start", UNIT);
    String invocation = property("InvocationID");

    String warnings = awaitJournal(invocation, "warning", "ignoring environment variable " + UNKNOWN_VARIABLE);
    String infos = awaitJournal(invocation, "info", "triplestored ready");

    assertThat(warnings).doesNotContain("triplestored ready").doesNotContain("<4>");
    assertThat(infos).doesNotContain("<6>");
  }

  @Test
  void stopLeavesTheUnitInactiveNotFailedWithEveryLeaseReleasedClosed() throws Exception {
    exec("systemctl", "start", UNIT);
    String invocation = property("InvocationID");
    List<Long> leases = List.of(createLease("report"), createLease("export"), createLease("backup"));

    exec("systemctl", "stop", UNIT);

    assertThat(SYSTEMD.execInContainer("systemctl", "is-active", UNIT).getStdout().strip()).isEqualTo("inactive");
    assertThat(property("Result")).isEqualTo("success");
    String journal = journal(invocation, "debug");
    assertThat(journal).contains("lease " + leases.get(0) + " of report released: CLOSED")
        .contains("lease " + leases.get(1) + " of export released: CLOSED")
        .contains("lease " + leases.get(2) + " of backup released: CLOSED")
        .contains("triplestored stopped in");
  }

  @Test
  void sigkillIsRestartedByRestartOnFailureWithEveryAcknowledgedWriteKept() throws Exception {
    exec("systemctl", "start", UNIT);
    String killedPid = property("MainPID");
    int restartsBefore = Integer.parseInt(property("NRestarts"));
    List<Integer> acknowledged = IntStream.range(0, 20).boxed().toList();
    for (int i : acknowledged) {
      String written = exec("curl", "-sS", "--fail", "-X", "POST", "-H", "Content-Type: application/n-triples",
          "--data-binary", "<http://example.org/acked/" + i + "> <http://example.org/p> \"" + i + "\" .",
          API + "/triples").getStdout();
      assertThat(written).contains("\"added\":1");
    }

    exec("systemctl", "kill", "-s", "KILL", UNIT);

    Awaitility.await("systemd restarts the killed daemon").atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> Integer.parseInt(property("NRestarts")) > restartsBefore && property("ActiveState").equals("active"));
    assertThat(property("MainPID")).isNotEqualTo(killedPid);
    String stored = exec("curl", "-sS", "--fail", API + "/triples?p=%3Chttp%3A%2F%2Fexample.org%2Fp%3E").getStdout();
    for (int i : acknowledged) {
      assertThat(stored).contains("<http://example.org/acked/" + i + ">");
    }
  }

  @Test
  void theHardeningLetsTheServiceWriteItsOwnDirectoriesAndNothingElse() throws Exception {
    // ExecStartPost= runs in the same sandbox as the daemon (user, namespaces, filters).
    List<String> writable = List.of("/var/lib/triplestored", "/var/log/triplestored", "/var/cache/triplestored");
    List<String> readOnly = List.of("/etc", "/etc/triplestored", "/opt/triplestored", "/opt/triplestored/lib",
        "/usr/local", "/var/lib", "/var/log", "/root", "/srv", "/");
    String probe = "for d in " + String.join(" ", writable) + " " + String.join(" ", readOnly) + "; do"
        + " if touch \"$d/.probe\" 2>/dev/null; then echo \"probe writable $d\"; rm -f \"$d/.probe\";"
        + " else echo \"probe refused $d\"; fi; done; echo \"probe uid $(id -u)\"";
    exec("mkdir", "-p", DROP_IN_DIR);
    // In a unit file "$$" is a literal "$".
    SYSTEMD.copyFileToContainer(Transferable.of("[Service]\nExecStartPost=/bin/sh -c '" + probe.replace("$", "$$") + "'\n"),
        DROP_IN_DIR + "/probe.conf");
    exec("systemctl", "daemon-reload");

    exec("systemctl", "start", UNIT);
    String journal = journal(property("InvocationID"), "debug");

    assertThat(property("ActiveState")).isEqualTo("active");
    writable.forEach(dir -> assertThat(journal).contains("probe writable " + dir + "\n"));
    readOnly.forEach(dir -> assertThat(journal).contains("probe refused " + dir + "\n"));
    assertThat(journal).containsPattern("probe uid [1-9][0-9]*\n");
    // The RocksDB files are in the state directory (DynamicUser= keeps it under private/).
    exec("test", "-f", "/var/lib/private/triplestored/CURRENT");
  }

  @Test
  void systemdAnalyzeSecurityRatesTheInstalledUnitAtMostOnePointFive() throws Exception {
    String online = SYSTEMD.execInContainer("systemd-analyze", "security", "--no-pager", UNIT).getStdout();
    // The shipped check, run as an operator would: directly, so its run bit counts too.
    ExecResult check = SYSTEMD.execInContainer("/opt/triplestored/systemd/check-unit.sh", "/etc/systemd/system/" + UNIT);

    Matcher score = Pattern.compile("Overall exposure level for " + Pattern.quote(UNIT) + ": (\\d+\\.\\d+)").matcher(online);
    assertThat(score.find()).as(online).isTrue();
    assertThat(Double.parseDouble(score.group(1))).isLessThanOrEqualTo(1.5);
    assertThat(check.getExitCode()).as(check.getStdout() + check.getStderr()).isZero();
    assertThat(check.getStdout()).contains("ok: Overall exposure level for " + UNIT);
  }

  private static long createLease(String owner) throws Exception {
    String created = exec("curl", "-sS", "--fail", "-X", "POST", API + "/snapshots?ttl=PT10M&owner=" + owner).getStdout();
    return Http.longField(created, "id");
  }

  private static String property(String name) throws Exception {
    return exec("systemctl", "show", "--value", "-p", name, UNIT).getStdout().strip();
  }

  /** The service's journal of one invocation, at {@code priority} and above, messages only. */
  private static String journal(String invocation, String priority) throws Exception {
    return exec("journalctl", "--no-pager", "-o", "cat", "-p", priority, "_SYSTEMD_INVOCATION_ID=" + invocation)
        .getStdout();
  }

  private static String awaitJournal(String invocation, String priority, String line) {
    return Awaitility.await("journal at " + priority + " shows: " + line).atMost(Duration.ofSeconds(30))
        .until(() -> journal(invocation, priority), text -> text.contains(line));
  }

  private static ExecResult shell(String script) throws IOException, InterruptedException {
    return exec("sh", "-c", script);
  }

  private static ExecResult exec(String... command) throws IOException, InterruptedException {
    ExecResult result = SYSTEMD.execInContainer(command);
    assertThat(result.getExitCode()).as("%s\nstdout: %s\nstderr: %s", List.of(command), result.getStdout(),
        result.getStderr()).isZero();
    return result;
  }
}
