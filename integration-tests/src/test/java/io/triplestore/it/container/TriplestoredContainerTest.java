package io.triplestore.it.container;

import static io.triplestore.it.container.TriplestoredImage.DATA_DIR;
import static io.triplestore.it.container.TriplestoredImage.HTTP_PORT;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_PASSWORD;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_PORT;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.HealthStateLog;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The image, built from the distribution archive, running as a container: healthy by its own
 * HEALTHCHECK, leases over HTTP and through Jolokia on the published ports, the daemon running as
 * the image's non-root user. Needs an engine and the local base images ({@link RequiresContainerEngine}).
 */
@RequiresContainerEngine
@Testcontainers
class TriplestoredContainerTest {

  private static final String REGISTRY_MBEAN = "io.triplestore:type=SnapshotRegistry,name=store";
  private static final String SERVICE_UID = "10001";

  @Container
  private static final GenericContainer<?> DAEMON = TriplestoredImage.container();

  @Test
  void healthCheckFromTheArchivesJarReportsHealthy() {
    HealthState health = DAEMON.getCurrentContainerInfo().getState().getHealth();

    assertThat(health.getStatus()).isEqualTo("healthy");
    List<HealthStateLog> checks = health.getLog();
    assertThat(checks.get(checks.size() - 1).getOutput()).startsWith("healthy: {\"status\":\"UP\"");
  }

  @Test
  void healthAnswers200ThroughThePublishedPort() {
    HttpResponse<String> health = Http.get(httpUrl("/health"));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void leaseCreatedOverHttpIsReadableAndShowsInJolokiaWithItsOwner() {
    HttpResponse<String> created = Http.post(httpUrl("/snapshots?ttl=PT5M&owner=container-it-lease"),
        "application/json", "");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = Http.longField(created.body(), "id");

    HttpResponse<String> lease = Http.get(httpUrl("/snapshots/" + id));
    HttpResponse<String> count = jolokia("/read/" + REGISTRY_MBEAN + "/Count");
    HttpResponse<String> info = jolokia("/exec/" + REGISTRY_MBEAN + "/info/100");

    assertThat(lease.statusCode()).as(lease.body()).isEqualTo(200);
    assertThat(lease.body()).contains("container-it-lease");
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    assertThat(Http.longField(count.body(), "value")).isGreaterThanOrEqualTo(1);
    assertThat(info.body()).contains("container-it-lease");
  }

  @Test
  void jolokiaOnThePublishedPortRefusesRequestsWithoutCredentials() {
    HttpResponse<String> anonymous = Http.get(jolokiaUrl("/read/" + REGISTRY_MBEAN + "/Count"));
    HttpResponse<String> wrongPassword = Http.getWithBasicAuth(jolokiaUrl("/read/" + REGISTRY_MBEAN + "/Count"),
        JOLOKIA_USER, JOLOKIA_PASSWORD + "-wrong");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
  }

  @Test
  void theDaemonRunsAsTheNonRootServiceUserAndCannotChangeTheProgram() throws Exception {
    String status = exec("cat", "/proc/1/status").getStdout();
    ExecResult writeProgram = DAEMON.execInContainer("touch", "/opt/triplestored/lib/planted.jar");

    assertThat(status).containsPattern("(?m)^Uid:\\s+" + SERVICE_UID + "\\s+" + SERVICE_UID + "\\s");
    assertThat(status).containsPattern("(?m)^Gid:\\s+" + SERVICE_UID + "\\s+" + SERVICE_UID + "\\s");
    assertThat(exec("stat", "-c", "%u %a", DATA_DIR).getStdout().strip()).isEqualTo(SERVICE_UID + " 700");
    assertThat(writeProgram.getExitCode()).as(writeProgram.getStderr()).isNotZero();
    assertThat(writeProgram.getStderr()).contains("Permission denied");
  }

  @Test
  void theImageHoldsTheArchiveWithTheGuideAndExecutableScripts() throws Exception {
    assertThat(exec("stat", "-c", "%a %n", "/opt/triplestored/systemd/check-unit.sh",
        "/opt/triplestored/systemd/syscalls-outside-filter.sh", "/opt/triplestored/docs/OPERATIONS.md").getStdout())
        .isEqualTo("755 /opt/triplestored/systemd/check-unit.sh\n"
            + "755 /opt/triplestored/systemd/syscalls-outside-filter.sh\n"
            + "644 /opt/triplestored/docs/OPERATIONS.md\n");
  }

  private static ExecResult exec(String... command) throws IOException, InterruptedException {
    ExecResult result = DAEMON.execInContainer(command);
    assertThat(result.getExitCode()).as("%s: %s", List.of(command), result.getStderr()).isZero();
    return result;
  }

  private static HttpResponse<String> jolokia(String path) {
    return Http.getWithBasicAuth(jolokiaUrl(path), JOLOKIA_USER, JOLOKIA_PASSWORD);
  }

  private static String httpUrl(String path) {
    return "http://" + DAEMON.getHost() + ":" + DAEMON.getMappedPort(HTTP_PORT) + path;
  }

  private static String jolokiaUrl(String path) {
    return "http://" + DAEMON.getHost() + ":" + DAEMON.getMappedPort(JOLOKIA_PORT) + "/jolokia" + path;
  }
}
