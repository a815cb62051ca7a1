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
import java.nio.channels.ServerSocketChannel;
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
 * even with them; remote JMX refusing a connection without credentials; Jolokia without proxy mode,
 * closed to other origins, without JSONP, and without notifications for anyone the policy would not
 * let read.
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
        // Where secrets passed with -D (a keystore password) would be readable.
        operator.read("java.lang:type=Runtime", "InputArguments"),
        operator.read("java.lang:type=Runtime", "SystemProperties"),
        new JolokiaClient(withoutCredentials.jolokia(), null, null).read("java.lang:type=Runtime", "InputArguments"),
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

  @Test
  void jolokiaRefusesProxyRequestsAndConnectsNowhere() throws Exception {
    try (ServerSocketChannel fakeRegistry = ServerSocketChannel.open()) {
      fakeRegistry.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      fakeRegistry.configureBlocking(false);
      int port = ((InetSocketAddress) fakeRegistry.getLocalAddress()).getPort();
      List<String> targets = List.of("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi",
          "service:jmx:rmi://127.0.0.1/jndi/ldap://127.0.0.1:" + port + "/cn=x");
      List<JolokiaClient> clients = List.of(new JolokiaClient(withCredentials.jolokia(), "ops", "s3cret"),
          new JolokiaClient(withoutCredentials.jolokia(), null, null));
      for (String target : targets) {
        for (JolokiaClient client : clients) {
          JolokiaClient.Reply reply = client.postRaw("{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\","
              + "\"attribute\":\"VmName\",\"target\":{\"url\":\"" + target + "\"}}");
          assertThat(reply.failed()).as("proxy request to %s: %s", target, reply.body()).isTrue();
          // A proxy connects while it handles the request, so by the time the reply is here any
          // connection would be waiting in the backlog: a non-blocking accept sees it.
          assertThat(fakeRegistry.accept()).as("a connection to the fake registry after %s", reply.body()).isNull();
          refused++;
        }
      }
    }
  }

  @Test
  void jolokiaGivesAForeignOriginNothing() throws Exception {
    String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"VmName\"}";
    Map<String, String> hostile = Map.of("Origin", "http://evil.example");
    for (JolokiaClient client : List.of(new JolokiaClient(withoutCredentials.jolokia(), null, null),
        new JolokiaClient(withCredentials.jolokia(), "ops", "s3cret"))) {
      List<JolokiaClient.Reply> replies = List.of(client.postRaw(read, hostile),
          client.request("GET", "read/java.lang:type=Runtime/VmName", hostile),
          client.request("OPTIONS", "", Map.of("Origin", "http://evil.example",
              "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization")));
      for (JolokiaClient.Reply reply : replies) {
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).as(reply.body()).isEmpty();
        assertThat(reply.httpStatus()).as(reply.body()).isEqualTo(403);
        refused++;
      }
    }
    String own = "http://" + withoutCredentials.jolokia().getHost() + ":" + withoutCredentials.jolokia().getPort();
    JolokiaClient.Reply sameOrigin = new JolokiaClient(withoutCredentials.jolokia(), null, null)
        .postRaw(read, Map.of("Origin", own));
    assertThat(sameOrigin.failed()).as("the daemon's own origin: %s", sameOrigin.body()).isFalse();
  }

  @Test
  void jolokiaServesNoJsonp() throws Exception {
    JolokiaClient anonymous = new JolokiaClient(withoutCredentials.jolokia(), null, null);
    JolokiaClient.Reply reply = anonymous.request("GET", "read/java.lang:type=Runtime/VmName?callback=steal", Map.of());
    assertThat(reply.body()).as("served as script").doesNotContain("steal(");
    assertThat(reply.headers().firstValue("Content-Type").orElse("")).doesNotContain("javascript");
    assertThat(reply.httpStatus()).as(reply.body()).isEqualTo(400);
    assertThat(reply.body()).contains("callback");
    refused++;
  }

  @Test
  void jolokiaNotificationsNeedCredentialsAndRespectThePolicy() throws Exception {
    JolokiaClient anonymous = new JolokiaClient(withoutCredentials.jolokia(), null, null);
    JolokiaClient operator = new JolokiaClient(withCredentials.jolokia(), "ops", "s3cret");
    for (JolokiaClient client : List.of(anonymous, operator)) {
      JolokiaClient.Reply register = client.postRaw("{\"type\":\"notification\",\"command\":\"register\"}");
      String clientId = register.failed() || register.value() == null || register.value().get("id") == null
          ? "guessed-id" : register.value().get("id").asText();
      if (client == anonymous) {
        assertThat(register.failed()).as("register without credentials: %s", register.body()).isTrue();
      }
      for (String mbean : List.of("jdk.management.jfr:type=FlightRecorder", "com.sun.management:type=DiagnosticCommand")) {
        JolokiaClient.Reply add = client.postRaw("{\"type\":\"notification\",\"command\":\"add\",\"client\":\""
            + clientId + "\",\"mode\":\"pull\",\"mbean\":\"" + mbean + "\"}");
        assertThat(add.failed()).as("notification add on %s: %s", mbean, add.body()).isTrue();
        refused++;
      }
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
