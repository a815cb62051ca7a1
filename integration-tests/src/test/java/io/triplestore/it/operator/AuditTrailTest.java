package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of a daemon with Jolokia credentials and remote JMX: every forced release,
 * renew and reclaim is logged with who did it and from where; failed logins on either are
 * logged at WARN with the remote address, at most once a minute per address.
 */
class AuditTrailTest {

  private static final String REGISTRY = "io.triplestore:type=SnapshotRegistry,name=store";

  @TempDir static Path dir;
  private static DaemonProcess daemon;
  private static ApiClient api;

  @BeforeAll
  static void startDaemon() throws Exception {
    Files.createDirectories(dir.resolve("daemon"));
    Path passwords = Files.writeString(dir.resolve("jmx.password"), "jmxop jmx-secret\n");
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    daemon = DaemonProcess.in(dir.resolve("daemon"))
        .env("TRIPLESTORE_JOLOKIA_USER", "ops")
        .env("TRIPLESTORE_JOLOKIA_PASSWORD", "jolokia-secret")
        .flag("jmx.port", "0")
        .flag("jmx.password.file", passwords.toString())
        .start();
    api = new ApiClient(daemon.http());
  }

  @AfterAll
  static void stopDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static List<String> audit() {
    return daemon.outputLines().stream().filter(line -> line.contains(" i.t.audit - ")).toList();
  }

  private static void awaitAuditLine(String... parts) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(audit()).anySatisfy(line -> assertThat(line).contains(parts)));
  }

  @Test
  void aForcedReleaseThroughJolokiaNamesTheJolokiaUserAndAddress() throws Exception {
    long lease = api.createLease("10m", "audit-jolokia");
    JolokiaClient jolokia = new JolokiaClient(daemon.jolokia(), "ops", "jolokia-secret");

    assertThat(jolokia.exec(REGISTRY, "forceRelease", lease).value().asBoolean()).isTrue();
    jolokia.exec("io.triplestore:type=Store", "reclaim");

    awaitAuditLine("ops from 127.0.0.1 via jolokia: forceRelease lease " + lease + " (audit-jolokia): released");
    awaitAuditLine("ops from 127.0.0.1 via jolokia: reclaim store: done in ");
  }

  @Test
  void aRenewAndAReleaseByOwnerOverRemoteJmxNameTheJmxPrincipal() throws Exception {
    long lease = api.createLease("1m", "audit-jmx");
    try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(daemon.jmx()),
        Map.of(JMXConnector.CREDENTIALS, new String[] {"jmxop", "jmx-secret"}))) {
      MBeanServerConnection connection = connector.getMBeanServerConnection();
      ObjectName registry = new ObjectName(REGISTRY);
      connection.invoke(registry, "renew", new Object[] {lease, 600_000L}, new String[] {"long", "long"});
      connection.invoke(registry, "forceReleaseOwner", new Object[] {"audit-jmx"}, new String[] {"java.lang.String"});
    }

    awaitAuditLine("jmxop from 127.0.0.1 via jmx: renew lease " + lease + " (audit-jmx) to 10m 00s: renewed");
    awaitAuditLine("jmxop from 127.0.0.1 via jmx: forceReleaseOwner owner 'audit-jmx': released 1");
  }

  @Test
  void aRefusedOperationIsAuditedToo() throws Exception {
    JolokiaClient jolokia = new JolokiaClient(daemon.jolokia(), "ops", "jolokia-secret");

    assertThat(jolokia.exec(REGISTRY, "forceRelease", 987_654L).failed()).isTrue();

    awaitAuditLine("ops from 127.0.0.1 via jolokia: forceRelease lease 987654: refused: no snapshot lease with id 987654");
  }

  @Test
  void failedLoginsAreLoggedAtWarnWithTheAddressOncePerMinute() throws Exception {
    JolokiaClient wrong = new JolokiaClient(daemon.jolokia(), "mallory", "guess");
    for (int i = 0; i < 3; i++) {
      assertThat(wrong.read(REGISTRY, "Count").httpStatus()).isEqualTo(401);
    }
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> JMXConnectorFactory.connect(new JMXServiceURL(daemon.jmx()),
          Map.of(JMXConnector.CREDENTIALS, new String[] {"mallory", "guess"}))).isInstanceOf(SecurityException.class);
    }

    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      List<String> warnings = daemon.outputLines().stream().filter(line -> line.contains("login failed")).toList();
      assertThat(warnings).filteredOn(line -> line.contains("Jolokia")).singleElement().satisfies(line ->
          assertThat(line).startsWith("<4>").contains("WARN", "Jolokia login failed for user 'mallory' from 127.0.0.1"));
      assertThat(warnings).filteredOn(line -> line.contains("JMX")).singleElement().satisfies(line ->
          assertThat(line).startsWith("<4>").contains("WARN", "remote JMX login failed for user 'mallory' from 127.0.0.1"));
    });
  }
}
