package io.triplestore.daemon.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With jolokia.user/password: every request authenticates; the policy still denies dangerous MBeans. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JolokiaWithCredentialsTest extends JolokiaTestSupport {

  EmbeddedJolokia jolokia;

  @BeforeAll
  void start() throws Exception {
    jolokia = EmbeddedJolokia.start(
        config(Map.of("jolokia.port", "0", "jolokia.user", "ops", "jolokia.password", "s3cret")), Optional.empty());
  }

  @AfterAll
  void stop() {
    jolokia.close();
  }

  @Test
  void refusesRequestsWithoutCredentials() throws Exception {
    assertThat(status(jolokia, "read/java.lang:type=Runtime/Uptime", null)).isEqualTo(401);
    assertThat(status(jolokia, "read/java.lang:type=Runtime/Uptime", "ops:wrong")).isEqualTo(401);
  }

  @Test
  void executesOperationsOnOurMBeansWithCredentials() throws Exception {
    int before = PROBE.getCalls();
    Map<String, Object> reply = get(jolokia, "exec/io.triplestore:type=JolokiaProbe/touch()", "ops:s3cret");
    assertThat(reply).containsEntry("status", 200);
    assertThat(PROBE.getCalls()).isEqualTo(before + 1);
  }

  @Test
  void deniesDangerousMBeansEvenWithCredentials() throws Exception {
    assertThat(get(jolokia, "exec/java.lang:type=Memory/gc()", "ops:s3cret")).containsEntry("status", 403);
    assertThat(get(jolokia, "exec/com.sun.management:type=DiagnosticCommand/vmVersion()", "ops:s3cret"))
        .containsEntry("status", 403);
    assertThat(get(jolokia, "read/jdk.management.jfr:type=FlightRecorder/Recordings", "ops:s3cret"))
        .containsEntry("status", 403);
  }
}
