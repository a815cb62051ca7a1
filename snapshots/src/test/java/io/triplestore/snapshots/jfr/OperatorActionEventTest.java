package io.triplestore.snapshots.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.Operator;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.jmx.SnapshotRegistryJmx;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operator actions on the MXBean, recorded with who asked, refusals included. */
class OperatorActionEventTest {

  @TempDir Path dir;

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private SnapshotRegistry registry;
  private ObjectName name;

  @BeforeEach
  void start() {
    registry = SnapshotRegistry.builder().name("audit-" + UUID.randomUUID()).source(InMemorySnapshotSource.counting())
        .ticker(new ManualTicker()).scheduler(Scheduler.manual()).build();
    name = SnapshotRegistryJmx.register(registry, server).objectName();
  }

  @AfterEach
  void stop() {
    Operator.unbindFromThread();
    registry.close();
  }

  @Test
  void aForcedReleaseByABoundOperatorIsRecordedWithItsNameAddressAndResult() throws Exception {
    SnapshotLease lease = registry.create(LeaseOptions.builder().label("nightly").noOwner().build());
    Operator.bindToThread(new Operator("ops", "10.0.0.9", "jolokia"));

    List<RecordedEvent> events = RecordedRun.record(dir, registry.name(), () ->
        server.invoke(name, "forceRelease", new Object[] {lease.id()}, new String[] {"long"}));

    RecordedEvent action = RecordedRun.named(events, SnapshotJfrEvents.OPERATOR_ACTION).get(0);
    assertThat(action.getString("action")).isEqualTo("forceRelease");
    assertThat(action.getString("target")).isEqualTo("lease " + lease.id() + " (nightly)");
    assertThat(action.getString("operator")).isEqualTo("ops");
    assertThat(action.getString("address")).isEqualTo("10.0.0.9");
    assertThat(action.getString("via")).isEqualTo("jolokia");
    assertThat(action.getString("result")).isEqualTo("released");
  }

  @Test
  void anInProcessCallIsLocalAndARefusalIsRecordedWithItsReason() throws Exception {
    List<RecordedEvent> events = RecordedRun.record(dir, registry.name(), () ->
        assertThatThrownBy(() -> server.invoke(name, "renew", new Object[] {77L, 1_000L}, new String[] {"long", "long"}))
            .hasRootCauseMessage("no snapshot lease with id 77 in snapshot registry '" + registry.name() + "'"));

    RecordedEvent action = RecordedRun.named(events, SnapshotJfrEvents.OPERATOR_ACTION).get(0);
    assertThat(action.getString("action")).isEqualTo("renew");
    assertThat(action.getString("target")).isEqualTo("lease 77 to 1.0s");
    assertThat(action.getString("operator")).isEqualTo("local");
    assertThat(action.getString("via")).isEqualTo("local");
    assertThat(action.getString("result"))
        .isEqualTo("refused: no snapshot lease with id 77 in snapshot registry '" + registry.name() + "'");
  }
}
