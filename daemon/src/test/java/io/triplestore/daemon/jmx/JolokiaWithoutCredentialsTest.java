package io.triplestore.daemon.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Without jolokia.user/password: the policy's reads work, every exec and write is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JolokiaWithoutCredentialsTest extends JolokiaTestSupport {

  EmbeddedJolokia jolokia;

  @BeforeAll
  void start() throws Exception {
    jolokia = EmbeddedJolokia.start(config(Map.of("jolokia.port", "0")), Optional.empty());
  }

  @AfterAll
  void stop() {
    jolokia.close();
  }

  @Test
  void bindsLoopbackOnAnObtainedPort() {
    assertThat(jolokia.address().getPort()).isPositive();
    assertThat(jolokia.url()).startsWith("http://127.0.0.1:" + jolokia.address().getPort() + "/jolokia/");
    assertThat(jolokia.isAuthenticated()).isFalse();
  }

  @Test
  void readsOurMBeansAndJavaLang() throws Exception {
    assertThat(get(jolokia, "read/io.triplestore:type=JolokiaProbe/Calls", null)).containsEntry("status", 200);
    assertThat(get(jolokia, "read/java.lang:type=Runtime/Uptime", null)).containsEntry("status", 200);
  }

  @Test
  void refusesExecAndWriteEvenOnOurMBeans() throws Exception {
    int before = PROBE.getCalls();
    assertThat(get(jolokia, "exec/io.triplestore:type=JolokiaProbe/touch()", null)).containsEntry("status", 403);
    assertThat(PROBE.getCalls()).isEqualTo(before);
  }

  @Test
  void refusesProxyAndNotificationRequestsBeforeJolokiaSeesThem() throws Exception {
    for (String body : java.util.List.of(
        "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"Verbose\","
            + "\"target\":{\"url\":\"service:jmx:rmi:///jndi/rmi://127.0.0.1:1/jmxrmi\"}}",
        "{\"type\":\"notification\",\"command\":\"register\"}",
        "[{\"type\":\"version\"},{\"type\":\"NOTIFICATION\",\"command\":\"register\"}]")) {
      java.net.http.HttpResponse<String> reply = CLIENT.send(java.net.http.HttpRequest.newBuilder(
          java.net.URI.create(jolokia.url())).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(reply.statusCode()).as(body).isEqualTo(403);
      assertThat(reply.body()).containsAnyOf("proxy requests", "notification requests");
    }
    assertThat(status(jolokia, "notification/register", null)).isEqualTo(403);
    assertThat(status(jolokia, "?p=/notification/register", null)).isEqualTo(403);
    assertThat(status(jolokia, "n%6Ftification/register", null)).isEqualTo(403);
    assertThat(get(jolokia, "version", null)).containsEntry("status", 200);
  }

  @Test
  void readsNeitherTheCommandLineNorTheSystemPropertiesOfTheJvm() throws Exception {
    assertThat(get(jolokia, "read/java.lang:type=Runtime/InputArguments", null)).containsEntry("status", 403);
    assertThat(get(jolokia, "read/java.lang:type=Runtime/SystemProperties", null)).containsEntry("status", 403);
    assertThat(get(jolokia, "read/java.lang:type=Memory/HeapMemoryUsage", null)).containsEntry("status", 200);
    assertThat(get(jolokia, "read/java.lang:type=GarbageCollector,*/CollectionCount", null))
        .containsEntry("status", 200);
  }

  @Test
  void refusesReadsOutsideTheAllowedDomains() throws Exception {
    assertThat(get(jolokia, "read/java.nio:type=BufferPool,name=direct/Count", null)).containsEntry("status", 403);
  }
}
