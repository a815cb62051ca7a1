package io.triplestore.snapshots.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * The MXBean as JConsole sees it: over an RMI connector on loopback, in front of a real RocksDB.
 */
class SnapshotRegistryMXBeanRemoteTest {

  @TempDir Path dir;

  private final ManualTicker ticker = new ManualTicker();
  private Options options;
  private RocksDB db;
  private SnapshotRegistry registry;
  private LoopbackRmiConnector connector;
  private MBeanServerConnection remote;
  private ObjectName name;

  @BeforeEach
  void start() throws Exception {
    RocksDB.loadLibrary();
    options = new Options().setCreateIfMissing(true);
    db = RocksDB.open(options, dir.resolve("db").toString());
    registry = SnapshotRegistry.builder()
        .name("remote-" + UUID.randomUUID())
        .rocksDb(db)
        .ticker(ticker)
        .scheduler(Scheduler.manual())
        .defaultTtl(Duration.ofSeconds(10))
        .build();
    name = SnapshotRegistryJmx.register(registry, ManagementFactory.getPlatformMBeanServer()).objectName();
    connector = new LoopbackRmiConnector(ManagementFactory.getPlatformMBeanServer());
    remote = connector.client().getMBeanServerConnection();
  }

  @AfterEach
  void stop() throws Exception {
    try {
      connector.close();
    } finally {
      // The registry first: RocksDB refuses to close while snapshots are held.
      registry.close();
      db.close();
      options.close();
    }
  }

  private SnapshotLease create(String label) {
    return registry.create(LeaseOptions.builder().label(label).noOwner().build());
  }

  @Test
  void connectorListensOnLoopbackOnly() {
    assertThat(connector.address().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void countsSnapshotsHeldOutsideTheRegistry() throws Exception {
    create("tracked");
    Snapshot outside = db.getSnapshot();
    try {
      assertThat(remote.getAttribute(name, "Count")).isEqualTo(1);
      assertThat(remote.getAttribute(name, "RocksDbSnapshotCount")).isEqualTo(2L);
      assertThat(remote.getAttribute(name, "UntrackedSnapshotCount")).isEqualTo(1L);
      long now = System.currentTimeMillis() / 1000;
      assertThat((Long) remote.getAttribute(name, "OldestRocksDbSnapshotTime")).isBetween(now - 60, now + 1);
    } finally {
      db.releaseSnapshot(outside);
    }
    assertThat(remote.getAttribute(name, "UntrackedSnapshotCount")).isEqualTo(0L);
  }

  @Test
  void everyOperationWorksRemotely() throws Exception {
    SnapshotLease first = create("batch");
    SnapshotLease second = create("batch");
    ticker.advance(Duration.ofSeconds(5));
    SnapshotLease third = create("report");
    SnapshotLease fourth = create("api");

    CompositeData[] rows = (CompositeData[]) remote.invoke(name, "info", new Object[] {10}, new String[] {"int"});
    assertThat(rows).extracting(row -> row.get("id"))
        .containsExactly(first.id(), second.id(), third.id(), fourth.id());

    CompositeData renewed = (CompositeData) remote.invoke(name, "renew", new Object[] {fourth.id(), 60_000L},
        new String[] {"long", "long"});
    assertThat(renewed.get("ttlMillis")).isEqualTo(60_000L);
    assertThat(fourth.ttl()).isEqualTo(Duration.ofMinutes(1));

    assertThat(remote.invoke(name, "forceRelease", new Object[] {third.id()}, new String[] {"long"})).isEqualTo(true);
    assertThat(third.releaseReason()).contains(ReleaseReason.FORCED);

    assertThat(remote.invoke(name, "forceReleaseOwner", new Object[] {"batch"}, new String[] {"java.lang.String"}))
        .isEqualTo(2);
    assertThat(first.isReleased()).isTrue();
    assertThat(second.isReleased()).isTrue();

    ticker.advance(Duration.ofMillis(1));
    assertThat(remote.invoke(name, "forceReleaseOlderThan", new Object[] {0L}, new String[] {"long"})).isEqualTo(1);
    assertThat(fourth.releaseReason()).contains(ReleaseReason.FORCED);

    assertThat(remote.getAttribute(name, "Count")).isEqualTo(0);
    assertThat(remote.getAttribute(name, "ReleasedForced")).isEqualTo(4L);
    assertThat(remote.getAttribute(name, "RocksDbSnapshotCount")).isEqualTo(0L);
  }

  @Test
  void badArgumentsArriveAsIllegalArgumentExceptionsWithTheirMessage() {
    assertThatThrownBy(() -> remote.invoke(name, "forceRelease", new Object[] {-7L}, new String[] {"long"}))
        .isInstanceOf(RuntimeMBeanException.class)
        .cause().isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease id must be 1 or more: -7");
    assertThatThrownBy(() -> remote.invoke(name, "forceReleaseOlderThan", new Object[] {-1L}, new String[] {"long"}))
        .cause().isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("ageMillis");
    assertThatThrownBy(() -> remote.invoke(name, "renew", new Object[] {42L, 1_000L}, new String[] {"long", "long"}))
        .cause().isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("no snapshot lease with id 42 in snapshot registry '" + registry.name() + "'");
    assertThatThrownBy(() -> remote.invoke(name, "info", new Object[] {-1}, new String[] {"int"}))
        .cause().isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1 or more, or 0 for the default of 100: -1");
  }

  @Test
  void notificationsReachARemoteListener() throws Exception {
    List<Notification> received = new CopyOnWriteArrayList<>();
    remote.addNotificationListener(name, (notification, handback) -> received.add(notification), null, null);
    SnapshotLease lease = create("remote-client");

    ticker.advance(Duration.ofSeconds(8));
    registry.cleanUp();
    ticker.advance(Duration.ofSeconds(2));
    registry.cleanUp();

    await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
    assertThat(received).extracting(Notification::getType).containsExactly(
        SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION, SnapshotRegistryMXBean.RELEASED_NOTIFICATION);
    CompositeData released = (CompositeData) received.get(1).getUserData();
    assertThat(released.get("leaseId")).isEqualTo(lease.id());
    assertThat(released.get("owner")).isEqualTo("remote-client");
    assertThat(released.get("reason")).isEqualTo("EXPIRED");
    assertThat(lease.isReleased()).isTrue();
  }

  @Test
  void remoteMBeanInfoCarriesParameterNamesDescriptionsAndImpact() throws Exception {
    MBeanOperationInfo renew = Arrays.stream(remote.getMBeanInfo(name).getOperations())
        .filter(op -> op.getName().equals("renew")).findFirst().orElseThrow();

    assertThat(renew.getImpact()).isEqualTo(MBeanOperationInfo.ACTION);
    assertThat(renew.getSignature()).extracting(MBeanParameterInfo::getName).containsExactly("id", "ttlMillis");
    assertThat(renew.getSignature()[1].getDescription()).contains("milliseconds");
  }
}
