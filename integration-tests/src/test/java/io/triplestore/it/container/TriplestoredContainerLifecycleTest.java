package io.triplestore.it.container;

import static io.triplestore.it.container.TriplestoredImage.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Ports;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Starting and stopping the image: {@code docker stop} (SIGTERM, the image's STOPSIGNAL) ends the
 * daemon cleanly with every lease released as CLOSED and the data kept in the volume; and the
 * image, which binds Jolokia to 0.0.0.0, does not start without Jolokia credentials. Skipped
 * where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class TriplestoredContainerLifecycleTest {

  private static final String TRIPLE = "<http://example.org/container-it> <http://example.org/p> \"kept\" .\n";

  private static ImageFromDockerfile image;

  @BeforeAll
  static void buildImage() {
    image = TriplestoredImage.build();
  }

  @Test
  void sigtermOnStopReleasesLeasesExitsCleanlyAndKeepsTheData() {
    try (GenericContainer<?> daemon = TriplestoredImage.container(image)) {
      daemon.start();
      String base = "http://" + daemon.getHost() + ":" + daemon.getMappedPort(HTTP_PORT);
      assertThat(Http.post(base + "/triples", "application/n-triples", TRIPLE).statusCode()).isEqualTo(200);
      HttpResponse<String> lease = Http.post(base + "/snapshots?ttl=PT10M&owner=held-at-stop", "application/json", "");
      assertThat(lease.statusCode()).as(lease.body()).isEqualTo(201);
      long leaseId = Http.longField(lease.body(), "id");

      DockerClient docker = DockerClientFactory.instance().client();
      docker.stopContainerCmd(daemon.getContainerId()).withTimeout(30).exec();

      InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(daemon.getContainerId()).exec().getState();
      assertThat(state.getExitCodeLong()).as("exit code after SIGTERM").isIn(0L, 143L);
      assertThat(state.getOOMKilled()).isFalse();
      String logs = daemon.getLogs();
      assertThat(logs)
          .contains("lease " + leaseId + " of held-at-stop released: CLOSED")
          .contains("snapshot registry 'store' closed")
          .contains("triplestored stopped in");

      docker.startContainerCmd(daemon.getContainerId()).exec();
      String restarted = "http://" + daemon.getHost() + ":" + hostPort(docker, daemon.getContainerId());
      String subject = URLEncoder.encode("<http://example.org/container-it>", StandardCharsets.UTF_8);
      Awaitility.await("the restarted daemon serves the triple written before the stop")
          .atMost(Duration.ofMinutes(1))
          .ignoreExceptions()
          .until(() -> Http.get(restarted + "/triples?s=" + subject).body(), body -> body.contains("\"kept\""));
    }
  }

  @Test
  void refusesToExposeJolokiaWithoutCredentials() throws InterruptedException {
    DockerClient docker = DockerClientFactory.instance().client();
    String containerId = docker.createContainerCmd(image.get()).exec().getId();
    try {
      docker.startContainerCmd(containerId).exec();
      Awaitility.await("the container exits").atMost(Duration.ofMinutes(1))
          .until(() -> !docker.inspectContainerCmd(containerId).exec().getState().getRunning());

      assertThat(docker.inspectContainerCmd(containerId).exec().getState().getExitCodeLong()).isEqualTo(2L);
      assertThat(logs(docker, containerId)).contains("triplestored: invalid configuration: jolokia.host = 0.0.0.0"
          + " is not a loopback address, which needs jolokia.user and jolokia.password");
    } finally {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    }
  }

  private static int hostPort(DockerClient docker, String containerId) {
    Awaitility.await("a host port for " + HTTP_PORT).atMost(Duration.ofSeconds(30))
        .until(() -> bindings(docker, containerId) != null);
    return Integer.parseInt(bindings(docker, containerId)[0].getHostPortSpec());
  }

  private static Ports.Binding[] bindings(DockerClient docker, String containerId) {
    return docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(HTTP_PORT));
  }

  private static String logs(DockerClient docker, String containerId) throws InterruptedException {
    StringBuilder text = new StringBuilder();
    docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true)
        .exec(new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame frame) {
            text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        })
        .awaitCompletion();
    return text.toString();
  }
}
