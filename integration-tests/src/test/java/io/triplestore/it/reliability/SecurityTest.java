package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The daemon's exposure on its defaults: HTTP and Jolokia on loopback only; Jolokia exec and write
 * refused without credentials; the denied MBeans (JFR control, diagnostic commands, log4j) refused
 * even with them; remote JMX refusing a connection without credentials.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityTest {

  private static final String REGISTRY = "io.triplestore:type=SnapshotRegistry,name=store";
  private int refused;

  private final Figures figures = Figures.of("security");
  private Path workDir;

  private DaemonProcess withCredentials;
  private DaemonProcess withoutCredentials;

  @BeforeAll
  void startTwoDaemons() throws Exception {
    workDir = Files.createTempDirectory("security");
    withCredentials = DaemonProcess.in(workDir.resolve("a")).flag("jolokia.user", "ops")
        .flag("jolokia.password", "s3cret").start();
    Path passwords = Files.writeString(workDir.resolve("jmx.password"), "monitor jmx-secret\n");
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    withoutCredentials = DaemonProcess.in(workDir.resolve("b")).flag("jmx.port", "0")
        .flag("jmx.password.file", passwords.toString()).start();
  }

  @AfterAll
  void stopDaemons() {
    figures.put("badInputsTried", refused).put("operations", refused).put("losses", 0).print();
    withCredentials.close();
    withoutCredentials.close();
  }

  @Test
  void httpAndJolokiaListenOnLoopbackOnly() throws Exception {
    for (URI address : List.of(withCredentials.http(), withCredentials.jolokia())) {
      assertThat(InetAddress.getByName(address.getHost()).isLoopbackAddress()).as(address.toString()).isTrue();
    }
    Optional<InetAddress> external = nonLoopbackAddress();
    Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");
    for (URI address : List.of(withCredentials.http(), withCredentials.jolokia())) {
      assertThatThrownBy(() -> connect(external.get(), address.getPort()))
          .as("connect to %s:%d", external.get(), address.getPort()).isInstanceOf(IOException.class);
      refused++;
    }
  }

  @Test
  void jolokiaRefusesExecAndWriteWithoutCredentials() throws Exception {
    JolokiaClient anonymous = new JolokiaClient(withoutCredentials.jolokia(), null, null);
    assertThat(anonymous.read(REGISTRY, "Count").failed()).as("reads stay open on loopback").isFalse();
    List<JolokiaClient.Reply> replies = new ArrayList<>();
    replies.add(anonymous.exec(REGISTRY, "forceReleaseOlderThan", 0));
    replies.add(anonymous.exec(REGISTRY, "forceRelease", 1));
    replies.add(anonymous.exec("io.triplestore:type=Store", "compact"));
    replies.add(anonymous.write("java.lang:type=Memory", "Verbose", true));
    for (JolokiaClient.Reply reply : replies) {
      assertThat(reply.failed()).as(reply.body()).isTrue();
      assertThat(reply.status()).as(reply.body()).isIn(401, 403);
      refused++;
    }
    JolokiaClient withPassword = new JolokiaClient(withCredentials.jolokia(), "ops", "wrong");
    for (JolokiaClient.Reply reply : List.of(withPassword.exec(REGISTRY, "forceReleaseOlderThan", 0),
        new JolokiaClient(withCredentials.jolokia(), null, null).exec(REGISTRY, "forceReleaseOlderThan", 0),
        new JolokiaClient(withCredentials.jolokia(), null, null).read(REGISTRY, "Count"))) {
      assertThat(reply.httpStatus()).as(reply.body()).isEqualTo(401);
      refused++;
    }
  }

  @Test
  void deniedMBeansAreRefusedEvenWithCredentials() throws Exception {
    JolokiaClient operator = new JolokiaClient(withCredentials.jolokia(), "ops", "s3cret");
    assertThat(operator.read(REGISTRY, "Count").failed()).isFalse();
    List<JolokiaClient.Reply> replies = List.of(
        operator.exec("com.sun.management:type=DiagnosticCommand", "vmFlags", (Object) new String[0]),
        operator.read("com.sun.management:type=DiagnosticCommand", "MBeanInfo"),
        operator.exec("jdk.management.jfr:type=FlightRecorder", "newRecording"),
        operator.read("jdk.management.jfr:type=FlightRecorder", "Recordings"),
        // log4j registers no MBeans unless asked to; the policy must deny the name all the same.
        operator.read("org.apache.logging.log4j2:type=LoggerContext", "ConfigLocationUri"),
        operator.exec("org.apache.logging.log4j2:type=LoggerContext", "setConfigLocationUri", "file:///tmp/x.xml"),
        operator.exec("java.lang:type=Memory", "gc"),
        operator.write("java.lang:type=Memory", "Verbose", true));
    for (JolokiaClient.Reply reply : replies) {
      assertThat(reply.status()).as(reply.body()).isEqualTo(403);
      refused++;
    }
  }

  @Test
  void remoteJmxRefusesAConnectionWithoutCredentials() throws Exception {
    JMXServiceURL url = new JMXServiceURL(withoutCredentials.jmx());
    assertThatThrownBy(() -> JMXConnectorFactory.connect(url, Map.of())).isInstanceOf(SecurityException.class);
    assertThatThrownBy(() -> JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "guess"}))).isInstanceOf(SecurityException.class);
    assertThatThrownBy(() -> JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {"root", "jmx-secret"}))).isInstanceOf(SecurityException.class);
    refused += 3;
    try (JMXConnector connector = JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "jmx-secret"}))) {
      assertThat(connector.getMBeanServerConnection().getAttribute(new javax.management.ObjectName(REGISTRY), "Count"))
          .isEqualTo(0);
    }
  }

  private static void connect(InetAddress address, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2_000);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface network : NetworkInterface.networkInterfaces().toList()) {
      if (network.isUp() && !network.isLoopback()) {
        Optional<InetAddress> address = network.inetAddresses().filter(Inet4Address.class::isInstance).findFirst();
        if (address.isPresent()) {
          return address;
        }
      }
    }
    return Optional.empty();
  }
}
