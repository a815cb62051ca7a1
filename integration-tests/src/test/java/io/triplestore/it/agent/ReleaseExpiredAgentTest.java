package io.triplestore.it.agent;

import static io.triplestore.it.agent.SnapshotTrackingAgentTest.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The opt-in {@code release=expired}: the agent releases an expired snapshot, and never twice. */
class ReleaseExpiredAgentTest {

  @TempDir Path dir;

  @Test
  void expiredSnapshotIsReleasedByTheAgentAndTheHostsLateReleaseIsSkipped() throws Exception {
    try (HostProcess host = HostProcess.start(AgentJars.javaagent("ttl=1s,tick=100ms,release=expired"),
        AgentJars.rocksDb(), SnapshotHost.class, dir.resolve("db").toString(), "plain")) {
      host.run("take a");

      String released = host.awaitStderr(line -> line.contains("RELEASED snapshot lease=1 "));
      assertThat(released).contains("for EXPIRED: the agent released the native snapshot (release=expired)");
      awaitCount(host, "count native=0 tracked=0");

      // A second native release of the same snapshot would be a double free: the agent skips it.
      host.run("release a");
      host.awaitStderr(line -> line.contains("SKIPPED a releaseSnapshot of a snapshot the agent had already released"));
      host.run("take b");
      // Registered after the grace period (one tick here).
      awaitCount(host, "count native=1 tracked=1");
      assertThat(host.exit()).isZero();
    }
  }
}
