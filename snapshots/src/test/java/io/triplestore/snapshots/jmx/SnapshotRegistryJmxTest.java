package io.triplestore.snapshots.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanNotificationInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** Registration, object names, and the MBeanInfo that JConsole renders. */
class SnapshotRegistryJmxTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

  private static SnapshotRegistry registry(String name) {
    return SnapshotRegistry.builder()
        .name(name).source(InMemorySnapshotSource.counting()).scheduler(Scheduler.manual()).build();
  }

  private static String uniqueName() {
    return "jmx-" + UUID.randomUUID();
  }

  @Test
  void plainNamesAreUsedAsTheyAre() throws Exception {
    assertThat(SnapshotRegistryJmx.objectName("store"))
        .isEqualTo(new ObjectName("io.triplestore:type=SnapshotRegistry,name=store"));
    assertThat(SnapshotRegistryJmx.objectName("agent registry-1.2"))
        .isEqualTo(new ObjectName("io.triplestore:type=SnapshotRegistry,name=agent registry-1.2"));
  }

  @Test
  void namesWithObjectNameSyntaxAreQuoted() throws Exception {
    for (String name : new String[] {"a,b", "k=v", "host:1", "say \"hi\"", "any*", "one?", "back\\slash", "two\nlines"}) {
      ObjectName objectName = SnapshotRegistryJmx.objectName(name);
      assertThat(objectName.isPattern()).as(name).isFalse();
      assertThat(objectName.getKeyProperty("name")).as(name).isEqualTo(ObjectName.quote(name));
      assertThat(ObjectName.unquote(objectName.getKeyProperty("name"))).as(name).isEqualTo(name);
    }
  }

  @Test
  void aRegistryWithAQuotedNameRegistersAndUnregisters() {
    SnapshotRegistry registry = registry("shard=1, " + UUID.randomUUID());
    SnapshotRegistryJmx jmx = SnapshotRegistryJmx.register(registry, server);

    assertThat(server.isRegistered(jmx.objectName())).isTrue();
    registry.close();
    assertThat(server.isRegistered(jmx.objectName())).isFalse();
  }

  @Test
  void twoRegistriesWithOneNameCannotBothRegister() {
    String name = uniqueName();
    try (SnapshotRegistry first = registry(name); SnapshotRegistry second = registry(name)) {
      SnapshotRegistryJmx.register(first, server);

      assertThatThrownBy(() -> SnapshotRegistryJmx.register(second, server))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already registered as io.triplestore:type=SnapshotRegistry,name=" + name)
          .hasMessageContaining("distinct names");
      assertThat(second.isClosed()).isFalse();
    }
  }

  @Test
  void aClosedRegistryCannotBeRegistered() {
    SnapshotRegistry registry = registry(uniqueName());
    registry.close();

    assertThatThrownBy(() -> SnapshotRegistryJmx.register(registry, server))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
    assertThat(server.isRegistered(SnapshotRegistryJmx.objectName(registry.name()))).isFalse();
  }

  @Test
  void closingTheHandleUnregistersAndLeavesTheRegistryOpen() {
    try (SnapshotRegistry registry = registry(uniqueName())) {
      SnapshotRegistryJmx jmx = SnapshotRegistryJmx.register(registry, server);

      jmx.close();
      jmx.close();

      assertThat(server.isRegistered(jmx.objectName())).isFalse();
      assertThat(registry.isClosed()).isFalse();
      // The name is free again.
      SnapshotRegistryJmx again = SnapshotRegistryJmx.register(registry, server);
      assertThat(server.isRegistered(again.objectName())).isTrue();
    }
  }

  @Test
  void mbeanInfoDescribesEveryAttribute() throws Exception {
    MBeanInfo info = registeredInfo();

    assertThat(info.getDescription()).contains("Snapshot lease registry");
    Map<String, MBeanAttributeInfo> attributes = Arrays.stream(info.getAttributes())
        .collect(Collectors.toMap(MBeanAttributeInfo::getName, Function.identity()));
    assertThat(attributes.keySet()).contains("Count", "OldestAgeMillis", "DefaultTtlMillis", "WarnFraction",
        "TotalCreated", "ReleasedManual", "ReleasedExpired", "ReleasedOwnerDown", "ReleasedForced",
        "ReleasedClosed", "RocksDbSnapshotCount", "UntrackedSnapshotCount", "OldestRocksDbSnapshotTime");
    assertThat(attributes.keySet()).containsExactlyInAnyOrderElementsOf(MBeanDocs.ATTRIBUTES.keySet());
    for (MBeanAttributeInfo attribute : attributes.values()) {
      assertThat(attribute.isWritable()).as(attribute.getName()).isFalse();
      assertThat(attribute.getDescription()).as(attribute.getName())
          .isEqualTo(MBeanDocs.ATTRIBUTES.get(attribute.getName()))
          .isNotEqualTo(attribute.getName());
    }
  }

  @Test
  void mbeanInfoNamesEveryParameterAndGivesEachOperationItsImpact() throws Exception {
    Map<String, MBeanOperationInfo> operations = Arrays.stream(registeredInfo().getOperations())
        .collect(Collectors.toMap(MBeanOperationInfo::getName, Function.identity()));

    assertThat(operations.keySet())
        .containsExactlyInAnyOrder("info", "leaseTable", "lease", "forceRelease", "forceReleaseOlderThan",
            "forceReleaseOwner", "renew");
    assertOperation(operations.get("info"), MBeanOperationInfo.INFO, "limit");
    assertOperation(operations.get("leaseTable"), MBeanOperationInfo.INFO, "limit");
    assertOperation(operations.get("lease"), MBeanOperationInfo.INFO, "id");
    assertOperation(operations.get("forceRelease"), MBeanOperationInfo.ACTION, "id");
    assertOperation(operations.get("forceReleaseOlderThan"), MBeanOperationInfo.ACTION, "ageMillis");
    assertOperation(operations.get("forceReleaseOwner"), MBeanOperationInfo.ACTION, "owner");
    assertOperation(operations.get("renew"), MBeanOperationInfo.ACTION, "id", "ttlMillis");
    assertThat(operations.get("info").getDescription()).contains("at most " + SnapshotRegistry.MAX_INFO_LIMIT);
    assertThat(operations.get("info").getSignature()[0].getDescription())
        .contains("capped at " + SnapshotRegistry.MAX_INFO_LIMIT);
  }

  private static void assertOperation(MBeanOperationInfo operation, int impact, String... parameterNames) {
    assertThat(operation.getImpact()).as(operation.getName()).isEqualTo(impact);
    assertThat(operation.getDescription()).as(operation.getName()).isNotBlank().isNotEqualTo(operation.getName());
    assertThat(operation.getSignature()).extracting(MBeanParameterInfo::getName).containsExactly(parameterNames);
    for (MBeanParameterInfo parameter : operation.getSignature()) {
      assertThat(parameter.getDescription()).as(operation.getName() + "." + parameter.getName())
          .isNotBlank().isNotEqualTo(parameter.getName());
    }
  }

  @Test
  void mbeanInfoListsTheThreeNotifications() throws Exception {
    MBeanNotificationInfo[] notifications = registeredInfo().getNotifications();

    assertThat(notifications).flatExtracting(n -> Arrays.asList(n.getNotifTypes())).containsExactlyInAnyOrder(
        SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION,
        SnapshotRegistryMXBean.RELEASED_NOTIFICATION,
        SnapshotRegistryMXBean.RELEASE_DUE_NOTIFICATION);
    assertThat(notifications).allSatisfy(n -> assertThat(n.getDescription()).isNotBlank());
  }

  private MBeanInfo registeredInfo() throws Exception {
    try (SnapshotRegistry registry = registry(uniqueName())) {
      SnapshotRegistryJmx jmx = SnapshotRegistryJmx.register(registry, server);
      return server.getMBeanInfo(jmx.objectName());
    }
  }
}
