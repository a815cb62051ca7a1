package io.triplestore.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's JFR events, emitted inside the host by the agent and recorded by the host's own JFR. */
class AgentJfrEventsTest {

  @TempDir Path dir;

  @Test
  void theHostsRecordingHoldsTheAgentsSnapshotEvents() throws Exception {
    Path recording = dir.resolve("host.jfr");
    List<String> jvmArgs = new java.util.ArrayList<>(AgentJars.javaagent("ttl=1s,tick=100ms,grace=0"));
    jvmArgs.add("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true");
    try (HostProcess host = HostProcess.start(jvmArgs, AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain")) {
      host.run("take a");
      host.run("release a");
      host.run("take b");
      host.awaitStderr(line -> line.contains("EXPIRED snapshot lease=2 "));
      assertThat(host.exit()).isZero();
    }

    Map<String, List<RecordedEvent>> events = RecordingFile.readAllEvents(recording).stream()
        .filter(e -> e.getEventType().getName().startsWith("triplestore."))
        .collect(Collectors.groupingBy(e -> e.getEventType().getName()));

    assertThat(events.get("triplestore.SnapshotCreated")).extracting(e -> e.getLong("leaseId")).containsExactly(1L, 2L);
    assertThat(events.get("triplestore.SnapshotCreated")).allSatisfy(e -> {
      assertThat(e.getString("registry")).isEqualTo("agent");
      assertThat(e.getString("ownerThread")).isEqualTo("main");
    });
    assertThat(events.get("triplestore.SnapshotReleased")).singleElement().satisfies(e -> {
      assertThat(e.getLong("leaseId")).isEqualTo(1L);
      assertThat(e.getString("reason")).isEqualTo("MANUAL");
    });
    assertThat(events.get("triplestore.SnapshotExpiryWarning")).extracting(e -> e.getLong("leaseId")).containsExactly(2L);
    // The expiry; and, as the host's main thread ends before the JVM does, possibly its owner's death too.
    assertThat(events.get("triplestore.SnapshotReleaseDue"))
        .allSatisfy(e -> assertThat(e.getLong("leaseId")).isEqualTo(2L))
        .extracting(e -> e.getString("reason")).startsWith("EXPIRED").isSubsetOf("EXPIRED", "OWNER_DOWN");
  }
}
