package io.triplestore.it.agent;

import static io.triplestore.it.agent.SnapshotTrackingAgentTest.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One agent jar, the 11.x and the 10.x rocksdbjni lines. */
class RocksDbVersionsAgentTest {

  @TempDir Path dir;

  static Stream<Arguments> rocksDbJars() {
    return Stream.of(
        Arguments.of(AgentJars.rocksDb(), "11."),
        Arguments.of(AgentJars.previousRocksDb(), System.getProperty("triplestore.rocksdbjni.previous.version")));
  }

  @ParameterizedTest
  @MethodSource("rocksDbJars")
  void theAgentTracksReleasesAndLeaksOnEachRocksDbLine(Path rocksDbJar, String version) throws Exception {
    try (HostProcess host = HostProcess.start(AgentJars.javaagent("ttl=1m,tick=100ms,stack=all,grace=0"), rocksDbJar,
        SnapshotHost.class, dir.resolve("db").toString(), "pessimistic")) {
      assertThat(host.stdout().get(0)).contains("rocksdbjni=" + version);

      host.run("take a");
      host.run("leak");
      host.run("txn-begin t");
      host.run("txn-set-snapshot t");
      awaitCount(host, "count native=3 tracked=3");
      assertThat(host.awaitStderr(l -> l.contains("LEAK snapshot lease=2 "))).contains("thread='main'");

      host.run("release a");
      host.run("txn-close t");
      assertThat(host.count()).isEqualTo("count native=1 tracked=1");
      assertThat(host.agentLines()).noneMatch(l -> l.matches("(ERROR|UNEXPECTED SHAPE|disabled).*"));
    }
  }
}
