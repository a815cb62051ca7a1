package io.triplestore.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped agent jar in a host JVM started with {@code -javaagent}: what it finds and says. */
class SnapshotTrackingAgentTest {

  @TempDir Path dir;

  private HostProcess host(String options) throws Exception {
    return HostProcess.start(AgentJars.javaagent(options), AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain");
  }

  @Test
  void leakThroughTryWithResourcesIsReportedWithThreadAndStackThenWarnedAndExpiredWhileTheHostRunsOn() throws Exception {
    try (HostProcess host = host("ttl=2s,tick=100ms,stack=all")) {
      host.run("leak");

      host.awaitStderr(line -> line.contains("LEAK snapshot lease=1 "));
      List<String> leak = host.agentReport("LEAK snapshot lease=1 ");
      assertThat(leak.get(0)).contains("thread='main'", "Snapshot.close() releases nothing");
      assertThat(leak).contains("created at:").anyMatch(l -> l.startsWith("at org.rocksdb.RocksDB.getSnapshot("))
          .anyMatch(l -> l.startsWith("at io.triplestore.it.agent.SnapshotHost.run("));

      host.awaitStderr(line -> line.contains("EXPIRED snapshot lease=1 "));
      List<String> lines = host.agentLines();
      int warning = indexOf(lines, "WARNING snapshot lease=1 ");
      int expired = indexOf(lines, "EXPIRED snapshot lease=1 ");
      assertThat(warning).isNotNegative().isLessThan(expired);
      assertThat(lines.get(expired)).contains("outlived its TTL of 2.0s", "still held");

      // Observe and warn: the host works on, and the snapshot stays listed until the host releases it.
      host.run("put k v");
      host.run("get k");
      assertThat(host.stdout()).contains("value v");
      awaitCount(host, "count native=1 tracked=1");
      assertThat(list(host)).singleElement().satisfies(row -> assertThat(row)
          .startsWith("lease id=1 ownerThread=main warned=true expired=true ownerDown=false stack=")
          .contains("org.rocksdb.RocksDB.getSnapshot(", "io.triplestore.it.agent.SnapshotHost.run("));
    }
  }

  @Test
  void correctReleasesBringTheCountBackToZeroAndReportNothing() throws Exception {
    try (HostProcess host = host("ttl=1m,tick=100ms")) {
      host.run("take a");
      host.run("take b");
      awaitCount(host, "count native=2 tracked=2");

      host.run("release a");
      host.run("release-and-close b");

      assertThat(host.count()).isEqualTo("count native=0 tracked=0");
      assertThat(host.agentLines()).noneMatch(l -> l.matches("(LEAK|WARNING|EXPIRED|OWNER_DOWN|HELD AT CLOSE).*"));
    }
  }

  @Test
  void operatorForceReleaseStopsTrackingButNeverFreesTheHostsSnapshot() throws Exception {
    try (HostProcess host = host("ttl=1m,tick=100ms")) {
      host.run("take a");
      awaitCount(host, "count native=1 tracked=1");

      host.run("force-release 1");

      assertThat(host.stdout()).contains("forceRelease true");
      assertThat(host.awaitStderr(line -> line.contains("RELEASED snapshot lease=1 "))).contains(
          "for FORCED: the agent stopped tracking it but did not release the native snapshot, which stays held"
              + " (release=never)");
      assertThat(host.count()).isEqualTo("count native=1 tracked=0");
      host.run("release a");
      assertThat(host.count()).isEqualTo("count native=0 tracked=0");
    }
  }

  @Test
  void deathOfTheOwnerThreadIsReportedAndTheSnapshotStaysListed() throws Exception {
    try (HostProcess host = host("ttl=1m,tick=100ms,stack=all")) {
      host.run("take-on-thread worker-1");

      String report = host.awaitStderr(line -> line.contains("OWNER_DOWN snapshot lease=1 "));
      assertThat(report).contains("thread='worker-1'", "has terminated while holding it", "still held");
      assertThat(host.agentReport("OWNER_DOWN snapshot lease=1 "))
          .anyMatch(l -> l.startsWith("at io.triplestore.it.agent.SnapshotHost.lambda$run$"));
      awaitCount(host, "count native=1 tracked=1");
    }
  }

  @Test
  void snapshotsStillHeldWhenTheDatabaseClosesAreReportedAndLeaveTheList() throws Exception {
    try (HostProcess host = host("ttl=1m,tick=100ms,stack=all")) {
      host.run("take a");
      host.run("leak");
      host.run("take b");
      host.run("release b");
      awaitCount(host, "count native=2 tracked=2");

      host.run("close");

      List<String> report = host.agentReport("HELD AT CLOSE ");
      assertThat(report.get(0)).isEqualTo(
          "HELD AT CLOSE database " + dir.resolve("db") + " is closing with 2 snapshot(s) still held:");
      assertThat(report).anyMatch(l -> l.startsWith("snapshot lease=1 db=" + dir.resolve("db") + " thread='main'"))
          .anyMatch(l -> l.startsWith("snapshot lease=2 "))
          .noneMatch(l -> l.startsWith("snapshot lease=3 "));
      assertThat(host.count()).isEqualTo("count native=closed tracked=0");
      assertThat(host.exit()).isZero();
    }
  }

  /**
   * The default: a snapshot released within the grace period costs the host a few nanoseconds and
   * never becomes a lease; one held longer is registered as taken by its thread at its time.
   */
  @Test
  void aSnapshotReleasedWithinTheGracePeriodIsNeverListedAndOneHeldLongerIs() throws Exception {
    try (HostProcess host = host("ttl=1m,tick=100ms,grace=8s,stack=all")) {
      host.run("take a");
      host.run("take b");
      host.run("release a");
      // Both young: nothing registered yet (awaited only for the agent's MXBean, registered from a daemon thread).
      awaitCount(host, "count native=1 tracked=0");

      awaitCount(host, "count native=1 tracked=1");

      assertThat(list(host)).singleElement().satisfies(row -> assertThat(row)
          .startsWith("lease id=1 ownerThread=main ")
          .contains("io.triplestore.it.agent.SnapshotHost.run("));
      host.run("release b");
      assertThat(host.count()).isEqualTo("count native=0 tracked=0");
      assertThat(host.agentLines()).noneMatch(l -> l.matches("(LEAK|WARNING|EXPIRED|OWNER_DOWN|HELD AT CLOSE|ERROR).*"));
    }
  }

  /** The agent MXBean's lease table, as the host reads it from its own platform MBeanServer. */
  static List<String> list(HostProcess host) {
    int seen = host.stdout().size();
    host.run("list");
    return host.stdout().subList(seen, host.stdout().size()).stream().filter(l -> l.startsWith("lease ")).toList();
  }

  static void awaitCount(HostProcess host, String expected) {
    // The MXBean is registered from a daemon thread shortly after start, and a database snapshot is counted
    // once held past the grace period (a tick by default).
    await().atMost(HostProcess.TIMEOUT).until(() -> host.count().equals(expected));
  }

  static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
