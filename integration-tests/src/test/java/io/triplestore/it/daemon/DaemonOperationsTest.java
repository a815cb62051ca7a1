package io.triplestore.it.daemon;

import static io.triplestore.it.daemon.Json.body;
import static io.triplestore.it.daemon.Json.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The operator surface with credentials: Jolokia with a user, remote JMX with password files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonOperationsTest {

  static final String JOLOKIA_CREDENTIALS = "ops:jolokia-secret";

  @TempDir
  static Path work;

  DaemonProcess daemon;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    Path passwords = Files.writeString(work.resolve("jmx.password"), "monitor jmx-secret\n");
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    Path access = Files.writeString(work.resolve("jmx.access"), "monitor readwrite\n");
    daemon = DaemonProcess.start(work, List.of("--data.dir=" + work.resolve("data"), "--jmx.port=0",
        "--jmx.password.file=" + passwords, "--jmx.access.file=" + access),
        Map.of("TRIPLESTORE_JOLOKIA_USER", "ops", "TRIPLESTORE_JOLOKIA_PASSWORD", "jolokia-secret"));
  }

  @AfterAll
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void jolokiaRefusesEveryRequestWithoutCredentials() throws Exception {
    assertThat(jolokia("read/io.triplestore:type=SnapshotRegistry,name=store/Count", null).statusCode()).isEqualTo(401);
    assertThat(jolokia("read/io.triplestore:type=SnapshotRegistry,name=store/Count", "ops:wrong").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aForceReleaseThroughJolokiaMakesTheNextHttpReadAnswer410Forced() throws Exception {
    body(daemon.send("POST", "/triples", "<http://ex/f> <http://ex/p> \"forced\" .\n"), 200);
    long lease = id(daemon.send("POST", "/snapshots?ttl=PT5M&owner=nightly-report", null));
    assertThat(daemon.send("GET", "/triples?snapshot=" + lease, null).statusCode()).isEqualTo(200);

    String info = jolokia("exec/io.triplestore:type=SnapshotRegistry,name=store/info(int)/100", JOLOKIA_CREDENTIALS).body();
    assertThat(info).contains("\"status\":200").contains("nightly-report");

    @SuppressWarnings("unchecked")
    Map<String, Object> released = new ObjectMapper().readValue(jolokia(
        "exec/io.triplestore:type=SnapshotRegistry,name=store/forceRelease(long)/" + lease, JOLOKIA_CREDENTIALS).body(),
        Map.class);
    assertThat(released).containsEntry("status", 200).containsEntry("value", true);

    Map<String, Object> gone = body(daemon.send("GET", "/triples?snapshot=" + lease, null), 410);
    assertThat(gone).containsEntry("error", "gone").containsEntry("reason", "FORCED");
  }

  @Test
  void theStoreMBeanReclaimsThroughJolokia() throws Exception {
    String reclaimed = jolokia("exec/io.triplestore:type=Store/reclaim()", JOLOKIA_CREDENTIALS).body();
    assertThat(reclaimed).contains("\"status\":200");
    assertThat(daemon.output()).contains("reclaim (forced bottommost compaction) done in");
  }

  @Test
  void theStoreMBeanVerifiesThroughJolokia() throws Exception {
    body(daemon.send("POST", "/triples", "<http://ex/v> <http://ex/p> \"verified\" .\n"), 200);

    String verified = jolokia("exec/io.triplestore:type=Store/verify()", JOLOKIA_CREDENTIALS).body();

    assertThat(verified).contains("\"status\":200").contains("\"value\":\"consistent: ").contains(" 0 violations");
    assertThat(daemon.output()).contains("verify requested over JMX").contains("verify done in");
  }

  @Test
  void jconsoleStyleRemoteJmxReadsTheMBeansWithCredentials() throws Exception {
    JMXServiceURL url = new JMXServiceURL(daemon.jmxUrl());
    long lease = id(daemon.send("POST", "/snapshots?ttl=PT5M&owner=jmx-client", null));
    try (JMXConnector connector = JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "jmx-secret"}))) {
      MBeanServerConnection connection = connector.getMBeanServerConnection();
      ObjectName registry = new ObjectName("io.triplestore:type=SnapshotRegistry,name=store");
      assertThat((Integer) connection.getAttribute(registry, "Count")).isGreaterThanOrEqualTo(1);
      assertThat(connection.getAttribute(new ObjectName("io.triplestore:type=Store"), "Triples")).isInstanceOf(Long.class);
      assertThat(connection.invoke(registry, "forceRelease", new Object[] {lease}, new String[] {"long"})).isEqualTo(true);
    }
    assertThat(body(daemon.send("GET", "/snapshots/" + lease, null), 410)).containsEntry("reason", "FORCED");
    assertThatThrownBy(() -> JMXConnectorFactory.connect(url,
        Map.of(JMXConnector.CREDENTIALS, new String[] {"monitor", "wrong"}))).isInstanceOf(SecurityException.class);
  }

  private HttpResponse<String> jolokia(String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(daemon.jolokiaUrl() + path));
    if (credentials != null) {
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
