package io.triplestore.it.container;

import static io.triplestore.it.container.TriplestoredImage.DATA_DIR;
import static io.triplestore.it.container.TriplestoredImage.HTTP_PORT;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Volume;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;

/**
 * Starting and stopping the image around a named volume: {@code docker stop} (SIGTERM, the image's
 * STOPSIGNAL) ends the daemon cleanly within the stop timeout with every lease released as CLOSED,
 * and a new container on the same volume serves the data; {@code import} runs in the image as it
 * is; and the image, which binds Jolokia to 0.0.0.0, does not start without Jolokia credentials.
 */
@RequiresContainerEngine
class TriplestoredContainerLifecycleTest {

  /** What {@code docker stop} gives the daemon before SIGKILL, as the Dockerfile recommends. */
  private static final int STOP_TIMEOUT_SECONDS = 30;
  /** The exit code of a process killed by SIGKILL: what a missed stop timeout looks like. */
  private static final long KILLED = 137;

  private final DockerClient docker = DockerClientFactory.instance().client();
  private String volume;

  @BeforeEach
  void createVolume() {
    volume = "triplestored-it-" + UUID.randomUUID();
    docker.createVolumeCmd().withName(volume).exec();
  }

  @AfterEach
  void removeVolume() {
    docker.removeVolumeCmd(volume).exec();
  }

  @Test
  void stopReleasesEveryLeaseClosedWithinTheTimeoutAndANewContainerServesTheVolumesData() {
    try (GenericContainer<?> first = onVolume(TriplestoredImage.container())) {
      first.start();
      String base = baseUrl(first);
      String triple = "<http://example.org/container-it> <http://example.org/p> \"kept\" .\n";
      assertThat(Http.post(base + "/triples", "application/n-triples", triple).statusCode()).isEqualTo(200);
      long report = lease(base, "nightly-report");
      long export = lease(base, "export");

      docker.stopContainerCmd(first.getContainerId()).withTimeout(STOP_TIMEOUT_SECONDS).exec();

      InspectContainerResponse.ContainerState state = first.getCurrentContainerInfo().getState();
      assertThat(state.getExitCodeLong()).as("exit code after SIGTERM; %s means killed at the timeout", KILLED)
          .isIn(0L, 143L);
      assertThat(first.getLogs())
          .contains("lease " + report + " of nightly-report released: CLOSED")
          .contains("lease " + export + " of export released: CLOSED")
          .contains("snapshot registry 'store' closed")
          .contains("triplestored stopped in");
    }
    try (GenericContainer<?> second = onVolume(TriplestoredImage.container())) {
      second.start();
      String subject = URLEncoder.encode("<http://example.org/container-it>", StandardCharsets.UTF_8);

      assertThat(Http.get(baseUrl(second) + "/triples?s=" + subject).body()).contains("\"kept\"");
    }
  }

  @Test
  void importRunsInTheImageAsItIsAndTheDaemonServesWhatItLoaded() {
    String triples = IntStream.range(0, 3)
        .mapToObj(i -> "<http://example.org/imported/" + i + "> <http://example.org/p> \"" + i + "\" .\n")
        .collect(Collectors.joining());
    try (GenericContainer<?> importer = onVolume(new GenericContainer<>(TriplestoredImage.build()))
        .withCopyToContainer(Transferable.of(triples, 0644), "/import/data.nt")
        .withCommand("import", "/import/data.nt")
        .withStartupCheckStrategy(new RunToExit().withTimeout(Duration.ofMinutes(2)))) {
      importer.start();

      assertThat(importer.getCurrentContainerInfo().getState().getExitCodeLong()).as(importer.getLogs()).isZero();
      assertThat(importer.getLogs()).contains("imported 3 triples (3 new, 0 already present)");
    }
    try (GenericContainer<?> daemon = onVolume(TriplestoredImage.container())) {
      daemon.start();

      assertThat(Http.longField(Http.get(baseUrl(daemon) + "/health").body(), "triples")).isEqualTo(3);
    }
  }

  @Test
  void refusesToExposeJolokiaWithoutCredentials() {
    try (GenericContainer<?> daemon = new GenericContainer<>(TriplestoredImage.build())
        .withStartupCheckStrategy(new RunToExit().withTimeout(Duration.ofMinutes(1)))) {
      daemon.start();

      assertThat(daemon.getCurrentContainerInfo().getState().getExitCodeLong()).isEqualTo(2L);
      assertThat(daemon.getLogs()).contains("triplestored: invalid configuration: jolokia.host = 0.0.0.0"
          + " is not a loopback address, which needs jolokia.user and jolokia.password");
    }
  }

  private GenericContainer<?> onVolume(GenericContainer<?> container) {
    return container.withCreateContainerCmdModifier(create -> create.getHostConfig()
        .withBinds(new Bind(volume, new Volume(DATA_DIR))));
  }

  private static long lease(String base, String owner) {
    HttpResponse<String> created = Http.post(base + "/snapshots?ttl=PT10M&owner=" + owner, "application/json", "");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return Http.longField(created.body(), "id");
  }

  private static String baseUrl(GenericContainer<?> daemon) {
    return "http://" + daemon.getHost() + ":" + daemon.getMappedPort(HTTP_PORT);
  }
}
