package io.triplestore.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.operator.Triplestorectl;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code triplestorectl watch} against an application that runs the agent, not the daemon: the
 * host's own JMX port (the JDK's agent, {@code -Dcom.sun.management.jmxremote.*}), its snapshots
 * created, warned, released by the application and expired as they happen.
 */
class WatchAgentHostTest {

  @TempDir Path dir;

  @Test
  void showsTheHostsLeasesCreatedWarnedAndReleasedAsTheyHappen() throws Exception {
    int jmxPort = freeLoopbackPort();
    List<String> jvmArgs = new ArrayList<>(AgentJars.javaagent("ttl=2s,tick=100ms"));
    jvmArgs.addAll(List.of("-Dcom.sun.management.jmxremote.port=" + jmxPort,
        "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort, "-Dcom.sun.management.jmxremote.host=127.0.0.1",
        "-Djava.rmi.server.hostname=127.0.0.1", "-Dcom.sun.management.jmxremote.authenticate=false",
        "-Dcom.sun.management.jmxremote.ssl=false"));
    try (HostProcess host = HostProcess.start(jvmArgs, AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain");
        Triplestorectl.Background watch = new Triplestorectl(dir).start("watch", "--jmx", "127.0.0.1:" + jmxPort)) {
      await().atMost(HostProcess.TIMEOUT).until(() -> watch.output().contains("watching "));

      host.run("take a");
      await().atMost(HostProcess.TIMEOUT).untilAsserted(() -> assertThat(watch.output())
          .contains(" created  lease 1 of main (ttl 2.0s)")
          .contains(" warning  lease 1 of main expires in "));
      host.run("release a");
      await().atMost(HostProcess.TIMEOUT).untilAsserted(() -> assertThat(watch.output())
          .contains(" released lease 1 of main: MANUAL"));

      // The agent only reports by default: an expired snapshot is due for release, not released.
      host.run("take b");
      await().atMost(HostProcess.TIMEOUT).untilAsserted(() -> assertThat(watch.output())
          .contains(" created  lease 2 of main (ttl 2.0s)")
          .contains(" due      lease 2 of main: EXPIRED, still held (age "));

      assertThat(watch.output()).doesNotContain("Exception");
      assertThat(watch.process().isAlive()).isTrue();
    }
  }

  /** A port free on loopback now; the JDK's JMX agent cannot bind port 0 and say which it got. */
  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
