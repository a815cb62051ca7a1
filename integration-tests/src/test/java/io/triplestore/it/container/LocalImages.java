package io.triplestore.it.container;

import com.github.dockerjava.api.exception.NotFoundException;
import io.triplestore.it.deploy.ProcessRun;
import io.triplestore.it.deploy.RepositoryFiles;
import java.util.List;
import org.testcontainers.DockerClientFactory;

/**
 * The base images that {@code .ci/container-engine.sh} builds from Debian's packages, so that no
 * test pulls from a registry. Their names come from the script itself ({@code images}), in the
 * order it prints them: the minimal base, the JRE image, the systemd image.
 */
final class LocalImages {

  private static volatile List<String> names;

  private LocalImages() {}

  /** The JRE image: the Dockerfile's {@code BASE_IMAGE} in the tests. */
  static String jre() {
    return names().get(1);
  }

  /** The image that boots systemd as PID 1 and has a JRE, curl and procps. */
  static String systemd() {
    return names().get(2);
  }

  static List<String> names() {
    if (names == null) {
      ProcessRun run = ProcessRun.run(
          List.of("bash", RepositoryFiles.file(".ci/container-engine.sh").toString(), "images"), env -> {});
      List<String> listed = run.stdout().lines().toList();
      if (run.exitCode() != 0 || listed.size() != 3) {
        throw new IllegalStateException("expected three image names from .ci/container-engine.sh images; " + run.output());
      }
      names = listed;
    }
    return names;
  }

  static boolean exists(String image) {
    try {
      DockerClientFactory.instance().client().inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
