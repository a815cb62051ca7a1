package io.triplestore.snapshots.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.ExpiryAction;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;
import io.triplestore.snapshots.StackCapture;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MXBean through the platform MBeanServer, as an in-process JConsole or Jolokia sees it. */
class SnapshotRegistryMXBeanTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ManualTicker ticker = new ManualTicker();
  private final InMemorySnapshotSource source = InMemorySnapshotSource.counting();
  private final List<Notification> notifications = new CopyOnWriteArrayList<>();
  private SnapshotRegistry registry;
  private SnapshotRegistryJmx jmx;
  private ObjectName name;

  private SnapshotRegistryBuilder builder() {
    return SnapshotRegistry.builder()
        .name("jmx-" + UUID.randomUUID())
        .source(source)
        .ticker(ticker)
        .scheduler(Scheduler.manual())
        .defaultTtl(Duration.ofSeconds(10))
        .maxTtl(Duration.ofMinutes(10))
        .warnFraction(0.8);
  }

  private void start(SnapshotRegistryBuilder builder) throws Exception {
    registry = builder.build();
    jmx = SnapshotRegistryJmx.register(registry, server);
    name = jmx.objectName();
    server.addNotificationListener(name, (notification, handback) -> notifications.add(notification), null, null);
  }

  @BeforeEach
  void startRegistry() throws Exception {
    start(builder());
  }

  @AfterEach
  void closeRegistry() {
    registry.close();
  }

  private Object attribute(String attribute) throws Exception {
    return server.getAttribute(name, attribute);
  }

  private Object invoke(String operation, Object[] arguments, String[] signature) throws Exception {
    return server.invoke(name, operation, arguments, signature);
  }

  private SnapshotLease create(String label, Duration ttl) {
    return registry.create(LeaseOptions.builder().label(label).ttl(ttl).noOwner().build());
  }

  @Test
  void registersUnderTheRegistryNameAndUnregistersWhenTheRegistryCloses() throws Exception {
    assertThat(name).isEqualTo(new ObjectName("io.triplestore:type=SnapshotRegistry,name=" + registry.name()));
    assertThat(server.isRegistered(name)).isTrue();

    registry.close();

    assertThat(server.isRegistered(name)).isFalse();
    assertThat(jmx.isRegistered()).isFalse();
  }

  @Test
  void attributesDescribeTheRegistryAtThisMoment() throws Exception {
    source.holdOutside(3);
    source.oldestSnapshotTime(1_700_000_000L);
    create("a", Duration.ofMinutes(1));
    ticker.advance(Duration.ofSeconds(5));
    create("b", Duration.ofMinutes(1)).close();
    registry.forceRelease(create("c", Duration.ofMinutes(1)).id());
    create("d", Duration.ofMinutes(1));

    assertThat(attribute("Name")).isEqualTo(registry.name());
    assertThat(attribute("Count")).isEqualTo(2);
    assertThat(attribute("OldestAgeMillis")).isEqualTo(5_000L);
    assertThat(attribute("DefaultTtlMillis")).isEqualTo(10_000L);
    assertThat(attribute("MaxTtlMillis")).isEqualTo(600_000L);
    assertThat(attribute("WarnFraction")).isEqualTo(0.8);
    assertThat(attribute("ExpiryAction")).isEqualTo("RELEASE");
    assertThat(attribute("TotalCreated")).isEqualTo(4L);
    assertThat(attribute("TotalReleased")).isEqualTo(2L);
    assertThat(attribute("ReleasedManual")).isEqualTo(1L);
    assertThat(attribute("ReleasedForced")).isEqualTo(1L);
    assertThat(attribute("ReleasedExpired")).isEqualTo(0L);
    assertThat(attribute("ReleasedOwnerDown")).isEqualTo(0L);
    assertThat(attribute("ReleasedClosed")).isEqualTo(0L);
    assertThat(attribute("WarningsEmitted")).isEqualTo(0L);
    assertThat(attribute("ReleasesDue")).isEqualTo(0L);
    assertThat(attribute("RocksDbSnapshotCount")).isEqualTo(5L);
    assertThat(attribute("UntrackedSnapshotCount")).isEqualTo(3L);
    assertThat(attribute("OldestRocksDbSnapshotTime")).isEqualTo(1_700_000_000L);
  }

  @Test
  void unknownRocksDbFiguresReadMinusOne() throws Exception {
    registry.close();
    start(builder().source(InMemorySnapshotSource.blind()));
    registry.create();

    assertThat(attribute("RocksDbSnapshotCount")).isEqualTo(-1L);
    assertThat(attribute("UntrackedSnapshotCount")).isEqualTo(-1L);
    assertThat(attribute("OldestRocksDbSnapshotTime")).isEqualTo(-1L);
  }

  @Test
  void infoListsLeasesOldestFirstAsCompositeRows() throws Exception {
    registry.close();
    start(builder().stackCapture(StackCapture.all()));
    SnapshotLease first = create("first", Duration.ofSeconds(30));
    ticker.advance(Duration.ofSeconds(2));
    SnapshotLease second = create("second", Duration.ofSeconds(60));
    create("third", Duration.ofSeconds(60));
    ticker.advance(Duration.ofSeconds(1));

    CompositeData[] rows = (CompositeData[]) invoke("info", new Object[] {2}, new String[] {"int"});

    assertThat(rows).hasSize(2);
    assertThat(rows[0].get("id")).isEqualTo(first.id());
    assertThat(rows[0].get("owner")).isEqualTo("first");
    assertThat(rows[0].get("ownerThread")).isEqualTo(Thread.currentThread().getName());
    assertThat(rows[0].get("ageMillis")).isEqualTo(3_000L);
    assertThat(rows[0].get("ttlMillis")).isEqualTo(30_000L);
    assertThat(rows[0].get("remainingMillis")).isEqualTo(27_000L);
    assertThat(rows[0].get("warned")).isEqualTo(false);
    assertThat(rows[0].get("expired")).isEqualTo(false);
    assertThat(rows[0].get("ownerDown")).isEqualTo(false);
    assertThat(rows[0].get("createdAt")).isEqualTo(first.createdAt().toString());
    assertThat((String) rows[0].get("creationStack"))
        .startsWith("at ").contains("SnapshotRegistryMXBeanTest.create");
    assertThat(rows[1].get("id")).isEqualTo(second.id());
    assertThat(rows[1].get("ageMillis")).isEqualTo(1_000L);
  }

  @Test
  void infoReturnsAtMostTheRegistryCapWhateverTheLimit() throws Exception {
    for (int i = 0; i <= SnapshotRegistry.MAX_INFO_LIMIT; i++) {
      create("bulk", Duration.ofMinutes(1));
    }

    CompositeData[] rows = (CompositeData[]) invoke("info", new Object[] {Integer.MAX_VALUE}, new String[] {"int"});

    assertThat(registry.count()).isEqualTo(SnapshotRegistry.MAX_INFO_LIMIT + 1);
    assertThat(rows).hasSize(SnapshotRegistry.MAX_INFO_LIMIT);
  }

  @Test
  void forceReleaseReleasesOneLeaseAndSaysWhetherItDid() throws Exception {
    SnapshotLease lease = create("stuck", Duration.ofMinutes(1));
    SnapshotLease other = create("fine", Duration.ofMinutes(1));

    assertThat(invoke("forceRelease", new Object[] {lease.id()}, new String[] {"long"})).isEqualTo(true);
    assertThat(invoke("forceRelease", new Object[] {lease.id()}, new String[] {"long"})).isEqualTo(false);

    assertThat(lease.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(other.isReleased()).isFalse();
    assertThat(source.liveSnapshots()).isEqualTo(1);
  }

  @Test
  void forceReleaseOlderThanReleasesOnlyOlderLeases() throws Exception {
    SnapshotLease old = create("old", Duration.ofMinutes(5));
    ticker.advance(Duration.ofSeconds(90));
    SnapshotLease young = create("young", Duration.ofMinutes(5));
    ticker.advance(Duration.ofSeconds(10));

    Object released = invoke("forceReleaseOlderThan", new Object[] {60_000L}, new String[] {"long"});

    assertThat(released).isEqualTo(1);
    assertThat(old.releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(young.isReleased()).isFalse();
  }

  @Test
  void forceReleaseOwnerReleasesEveryLeaseOfThatOwner() throws Exception {
    SnapshotLease a1 = create("client-a", Duration.ofMinutes(1));
    SnapshotLease a2 = create("client-a", Duration.ofMinutes(1));
    SnapshotLease b = create("client-b", Duration.ofMinutes(1));

    Object released = invoke("forceReleaseOwner", new Object[] {"client-a"}, new String[] {String.class.getName()});

    assertThat(released).isEqualTo(2);
    assertThat(a1.isReleased()).isTrue();
    assertThat(a2.isReleased()).isTrue();
    assertThat(b.isReleased()).isFalse();
  }

  @Test
  void renewRestartsTheClockAndReturnsTheNewState() throws Exception {
    SnapshotLease lease = create("renewed", Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(9));
    registry.cleanUp();
    assertThat(lease.info().warned()).isTrue();

    CompositeData row = (CompositeData) invoke("renew", new Object[] {lease.id(), 120_000L},
        new String[] {"long", "long"});

    assertThat(row.get("id")).isEqualTo(lease.id());
    assertThat(row.get("ttlMillis")).isEqualTo(120_000L);
    assertThat(row.get("remainingMillis")).isEqualTo(120_000L);
    assertThat(row.get("warned")).isEqualTo(false);
    ticker.advance(Duration.ofSeconds(60));
    registry.cleanUp();
    assertThat(lease.isReleased()).as("renewed lease outlives its first deadline").isFalse();
  }

  @Test
  void badArgumentsAreRejectedWithAClearMessageAndChangeNothing() throws Exception {
    SnapshotLease lease = create("kept", Duration.ofMinutes(1));
    registry.forceRelease(create("gone", Duration.ofMinutes(1)).id());
    long released = lease.id() + 1;

    assertRejected("info", new Object[] {-5}, new String[] {"int"}, "limit must be 1 or more, or 0 for the default of 100: -5");
    assertRejected("forceRelease", new Object[] {-1L}, new String[] {"long"}, "lease id must be 1 or more: -1");
    assertRejected("forceRelease", new Object[] {999L}, new String[] {"long"}, "no snapshot lease with id 999");
    assertRejected("forceReleaseOlderThan", new Object[] {-1L}, new String[] {"long"},
        "ageMillis must be 0 or more: -1");
    assertRejected("forceReleaseOwner", new Object[] {" "}, new String[] {String.class.getName()},
        "owner must be a non-blank owner label");
    assertRejected("renew", new Object[] {999L, 1_000L}, new String[] {"long", "long"},
        "no snapshot lease with id 999");
    assertRejected("renew", new Object[] {-3L, 1_000L}, new String[] {"long", "long"},
        "lease id must be 1 or more: -3");
    assertRejected("renew", new Object[] {lease.id(), 0L}, new String[] {"long", "long"},
        "ttlMillis must be 1 or more: 0");
    assertRejected("renew", new Object[] {lease.id(), 3_600_000L}, new String[] {"long", "long"},
        "above the max TTL");
    assertRejected("renew", new Object[] {released, 1_000L}, new String[] {"long", "long"},
        "has been released (reason FORCED)");

    assertThat(lease.isReleased()).isFalse();
    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(1));
    assertThat(registry.count()).isEqualTo(1);
  }

  private void assertRejected(String operation, Object[] arguments, String[] signature, String message) {
    assertThatThrownBy(() -> invoke(operation, arguments, signature))
        .as(operation)
        .isInstanceOf(RuntimeMBeanException.class)
        .cause()
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message)
        .hasNoCause();
  }

  @Test
  void typedProxyReturnsLeaseRowsAndThrowsIllegalArgumentException() {
    SnapshotLease lease = create("proxied", Duration.ofSeconds(30));
    SnapshotRegistryMXBean proxy = JMX.newMXBeanProxy(server, name, SnapshotRegistryMXBean.class);

    LeaseRow[] rows = proxy.info(10);

    assertThat(rows).hasSize(1);
    assertThat(rows[0].getId()).isEqualTo(lease.id());
    assertThat(rows[0].getOwner()).isEqualTo("proxied");
    assertThat(rows[0].getCreationStack()).isEmpty();
    assertThat(proxy.getCount()).isEqualTo(1);
    assertThatThrownBy(() -> proxy.forceRelease(0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("lease id must be 1 or more: 0");
  }

  @Test
  void expiryWarningAndExpiryAreNotifiedButManualReleasesAreNot() {
    SnapshotLease expiring = create("forgetful", Duration.ofSeconds(10));
    create("tidy", Duration.ofMinutes(1)).close();

    ticker.advance(Duration.ofSeconds(8));
    registry.cleanUp();
    ticker.advance(Duration.ofSeconds(2));
    registry.cleanUp();

    assertThat(notifications).extracting(Notification::getType).containsExactly(
        SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION, SnapshotRegistryMXBean.RELEASED_NOTIFICATION);
    Notification warning = notifications.get(0);
    assertThat(warning.getSource()).isEqualTo(name);
    assertThat(warning.getMessage()).contains("lease " + expiring.id()).contains("forgetful");
    CompositeData warned = (CompositeData) warning.getUserData();
    assertThat(warned.get("leaseId")).isEqualTo(expiring.id());
    assertThat(warned.get("remainingMillis")).isEqualTo(2_000L);
    assertThat(warned.get("ageMillis")).isEqualTo(8_000L);
    assertThat(warned.get("reason")).isEqualTo("");
    CompositeData expired = (CompositeData) notifications.get(1).getUserData();
    assertThat(expired.get("reason")).isEqualTo("EXPIRED");
    assertThat(expired.get("ttlMillis")).isEqualTo(10_000L);
    assertThat(notifications.get(1).getSequenceNumber()).isGreaterThan(warning.getSequenceNumber());
  }

  @Test
  void reportOnlyRegistryNotifiesThatAReleaseIsDue() throws Exception {
    registry.close();
    notifications.clear();
    start(builder().expiryAction(ExpiryAction.REPORT));
    SnapshotLease lease = create("host", Duration.ofSeconds(10));

    ticker.advance(Duration.ofSeconds(12));
    registry.cleanUp();

    assertThat(notifications).extracting(Notification::getType).containsExactly(
        SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION, SnapshotRegistryMXBean.RELEASE_DUE_NOTIFICATION);
    CompositeData due = (CompositeData) notifications.get(1).getUserData();
    assertThat(due.get("reason")).isEqualTo("EXPIRED");
    assertThat(due.get("remainingMillis")).isEqualTo(-2_000L);
    assertThat(lease.isReleased()).isFalse();
    assertThat(attribute("ReleasesDue")).isEqualTo(1L);
    assertThat(attribute("ExpiryAction")).isEqualTo("REPORT");
  }

  @Test
  void closingTheRegistryNotifiesClosedReleasesBeforeUnregistering() {
    create("left-over", Duration.ofMinutes(1));

    registry.close();

    assertThat(notifications).singleElement().satisfies(n -> {
      assertThat(n.getType()).isEqualTo(SnapshotRegistryMXBean.RELEASED_NOTIFICATION);
      assertThat(((CompositeData) n.getUserData()).get("reason")).isEqualTo("CLOSED");
    });
  }
}
