package io.triplestore.it.agent;

import static io.triplestore.it.agent.SnapshotTrackingAgentTest.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar triplestore-agent.jar attach <pid> [options]} against a running host. */
class AgentAttachTest {

  @TempDir Path dir;

  @Test
  void attachedAgentTracksNewSnapshotsAndReportsTheOlderOnesAsUntracked() throws Exception {
    try (HostProcess host = HostProcess.start(List.of(), AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain")) {
      host.run("take before-1");
      host.run("take before-2");
      assertThat(host.count()).isEqualTo("count native=2 tracked=none");

      Attach attach = attach(host.pid(), "ttl=1m,tick=100ms,stack=all");

      assertThat(attach.exitCode).as(attach.output).isZero();
      assertThat(attach.output).contains("attached ").contains(" to JVM " + host.pid());
      host.awaitStderr(line -> line.contains("active (attached to a running JVM): ttl=1m,"));

      host.run("take after");
      String untracked = host.awaitStderr(line -> line.contains("UNTRACKED database "));
      assertThat(untracked).contains(dir.resolve("db") + " holds 2 snapshot(s) taken before the agent saw it");
      awaitCount(host, "count native=3 tracked=1");

      host.run("leak");
      assertThat(host.awaitStderr(line -> line.contains("LEAK snapshot lease=2 "))).contains("thread='main'");

      host.run("release after");
      host.run("release before-1");
      assertThat(host.count()).isEqualTo("count native=2 tracked=1");
    }
  }

  @Test
  void attachWithABadOptionIsRefusedBeforeTouchingTheHost() throws Exception {
    try (HostProcess host = HostProcess.start(List.of(), AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain")) {
      Attach attach = attach(host.pid(), "ttl=soon");

      assertThat(attach.exitCode).isEqualTo(2);
      assertThat(attach.output).contains("not attached: agent option ttl='soon' is invalid");
      host.run("take a");
      assertThat(host.count()).isEqualTo("count native=1 tracked=none");
    }
  }

  @Test
  void attachingToAHostThatAlreadyRunsTheAgentChangesNothing() throws Exception {
    try (HostProcess host = HostProcess.start(AgentJars.javaagent("ttl=1m"), AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain")) {
      host.run("take a");

      Attach attach = attach(host.pid(), "ttl=5s");

      assertThat(attach.exitCode).as(attach.output).isZero();
      host.awaitStderr(line -> line.contains("already active in this JVM; the new options (ttl=5s,"));
      awaitCount(host, "count native=1 tracked=1");
      host.run("take b");
      // Registered after the grace period (the first options' tick).
      awaitCount(host, "count native=2 tracked=2");
      assertThat(host.agentLines()).filteredOn(l -> l.startsWith("active")).hasSize(1);
    }
  }

  private record Attach(int exitCode, String output) {}

  private static Attach attach(long pid, String options) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-jar", AgentJars.agent().toString(), "attach", String.valueOf(pid), options)
        .redirectErrorStream(true).start();
    if (!process.waitFor(HostProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the attach command did not finish");
    }
    return new Attach(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
