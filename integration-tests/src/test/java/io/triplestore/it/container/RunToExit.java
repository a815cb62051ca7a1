package io.triplestore.it.container;

import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.utility.DockerStatus;

/**
 * For a container that is meant to run a command and exit: {@code start()} returns once it has
 * exited, whatever its exit code, so the test can assert the code and the logs itself (a failed
 * start would leave it only an exception).
 */
final class RunToExit extends StartupCheckStrategy {

  @Override
  public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
    return DockerStatus.isContainerStopped(getCurrentState(dockerClient, containerId))
        ? StartupStatus.SUCCESSFUL
        : StartupStatus.NOT_YET_KNOWN;
  }
}
