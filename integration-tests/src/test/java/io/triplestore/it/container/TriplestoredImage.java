package io.triplestore.it.container;

import com.github.dockerjava.api.model.HealthCheck;
import io.triplestore.it.deploy.RepositoryFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * The image under test: the repository's {@code Dockerfile} built FROM the local JRE image (no
 * registry) with the distribution archive that {@code ./mvnw package} left in {@code daemon/target/}.
 * Only the files the Dockerfile uses are sent as the build context, as {@code .dockerignore} does
 * for {@code docker build .}. Built once per test JVM, removed when it exits.
 */
final class TriplestoredImage {

  static final int HTTP_PORT = 8080;
  static final int JOLOKIA_PORT = 8778;
  static final String JOLOKIA_USER = "ops";
  static final String JOLOKIA_PASSWORD = "container-test-secret";
  /** The daemon's data directory in the image, a VOLUME. */
  static final String DATA_DIR = "/var/lib/triplestored";

  private static final String IMAGE_NAME = "triplestored-it";

  private static ImageFromDockerfile image;

  private TriplestoredImage() {}

  /** The image, built when the first container using it starts. */
  static synchronized ImageFromDockerfile build() {
    if (image == null) {
      // Where `docker build .` finds it, whatever the file is called where Maven left it.
      String archiveName = "triplestored-" + RepositoryFiles.version() + ".tar.gz";
      image = new ImageFromDockerfile(IMAGE_NAME, false)
          .withFileFromPath("Dockerfile", RepositoryFiles.file("Dockerfile"))
          .withFileFromPath("daemon/target/" + archiveName, archive())
          .withBuildArg("BASE_IMAGE", LocalImages.jre());
      // Without Ryuk nothing else removes it, and every run would leave 450 MB behind.
      Runtime.getRuntime().addShutdownHook(new Thread(TriplestoredImage::remove, "remove-triplestored-it-image"));
    }
    return image;
  }

  private static void remove() {
    try {
      DockerClientFactory.instance().client().removeImageCmd(IMAGE_NAME).withForce(true).exec();
    } catch (RuntimeException e) {
      System.err.println("could not remove the test image " + IMAGE_NAME + ": " + e);
    }
  }

  /** The distribution archive under test. */
  static Path archive() {
    return RepositoryFiles.distributionArchive().orElseThrow(() -> new IllegalStateException(
        "no distribution archive; build it first: ./mvnw -B -pl daemon -am package -DskipTests"));
  }

  /**
   * A container of the image with Jolokia credentials (the daemon does not start with Jolokia
   * on 0.0.0.0 without them), started once Docker reports it healthy: that is the image's own
   * HEALTHCHECK on {@code /health} passing.
   */
  static GenericContainer<?> container() {
    return new GenericContainer<>(build())
        .withEnv(Map.of(
            "TRIPLESTORE_JOLOKIA_USER", JOLOKIA_USER,
            "TRIPLESTORE_JOLOKIA_PASSWORD", JOLOKIA_PASSWORD))
        .withExposedPorts(HTTP_PORT, JOLOKIA_PORT)
        // The image checks every 30 s; the test checks every 2 s. Docker keeps the image's
        // command, timeout and retries for what is left unset here.
        .withCreateContainerCmdModifier(create -> create.withHealthcheck(
            new HealthCheck().withInterval(Duration.ofSeconds(2).toNanos())))
        .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)));
  }
}
