package io.triplestore.it.container;

import static io.triplestore.it.container.TriplestoredImage.HTTP_PORT;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_PASSWORD;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_PORT;
import static io.triplestore.it.container.TriplestoredImage.JOLOKIA_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The image running as a container: healthy by its own HEALTHCHECK, leases over HTTP, and the
 * same leases seen through Jolokia on the published port. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class TriplestoredContainerTest {

  private static final String REGISTRY_MBEAN = "io.triplestore:type=SnapshotRegistry,name=store";

  @Container
  private static final GenericContainer<?> DAEMON = TriplestoredImage.container(TriplestoredImage.build());

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
