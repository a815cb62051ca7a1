package io.triplestore.it.agent;

import static io.triplestore.it.agent.SnapshotTrackingAgentTest.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The {@code package} option, with stand-ins for a renamed rocksdbjni in the test sources and no
 * rocksdbjni on the host's class path: a fork of the expected shape is tracked by class names
 * alone, and a misshapen one is reported once and left alone.
 */
class RocksDbPackageAgentTest {

  @Test
  void aRenamedRocksDbIsTrackedThroughThePackageOption() throws Exception {
    try (HostProcess host = HostProcess.start(
        AgentJars.javaagent("package=io.triplestore.it.agent.fork,ttl=1m,tick=100ms,stack=all,grace=0"), null,
        ForkHost.class, "fork")) {
      host.run("take a");
      host.run("leak");
      awaitCount(host, "count native=2 tracked=2");
      assertThat(host.awaitStderr(l -> l.contains("LEAK snapshot lease=2 "))).contains("db=fork-db", "thread='main'");
      assertThat(host.agentReport("LEAK snapshot lease=2 "))
          .anyMatch(l -> l.startsWith("at io.triplestore.it.agent.fork.RocksDB.getSnapshot("));

      host.run("release a");
      assertThat(host.count()).isEqualTo("count native=1 tracked=1");
    }
  }

  @Test
  void aRocksDbOfUnexpectedShapeIsReportedOnceAndLeftUntouched() throws Exception {
    try (HostProcess host = HostProcess.start(
        AgentJars.javaagent("package=io.triplestore.it.agent.broken,ttl=1m,tick=100ms"), null,
        ForkHost.class, "broken")) {
      host.run("take a");
      host.run("take b");
      host.run("release a");

      // Nothing instrumented, so no database seen, and no MXBean registered either.
      assertThat(host.count()).isEqualTo("count native=1 tracked=none");
      assertThat(host.agentLines()).filteredOn(l -> l.startsWith("UNEXPECTED SHAPE")).singleElement().isEqualTo(
          "UNEXPECTED SHAPE of the application's rocksdb: io.triplestore.it.agent.broken.RocksDB has no"
              + " releaseSnapshot(...); snapshot tracking is off and the application is left untouched");
      assertThat(host.agentLines()).noneMatch(l -> l.startsWith("ERROR"));
    }
  }
}
