package io.triplestore.it.container;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Decides {@link RequiresContainerEngine}: enabled when an engine answers and every local base
 * image exists; otherwise disabled, or failed when the environment says the tests are required.
 * Asked once per test run (the answer is kept in the root context's store).
 */
final class ContainerEngineCondition implements ExecutionCondition {

  /** Environment variable that turns a skip into a failure when its value is {@code required}. */
  static final String REQUIRED_VARIABLE = "TRIPLESTORE_CONTAINER_TESTS";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContainerEngineCondition.class);

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<String> missing = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent("missing", key -> whatIsMissing(), Optional.class);
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers and the local base images exist");
    }
    if ("required".equals(System.getenv(REQUIRED_VARIABLE))) {
      throw new IllegalStateException(REQUIRED_VARIABLE + "=required, but " + missing.get());
    }
    return ConditionEvaluationResult.disabled(missing.get() + "; `.ci/container-engine.sh start` provides them");
  }

  private static Optional<String> whatIsMissing() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of("no Docker engine answers");
    }
    return LocalImages.names().stream()
        .filter(name -> !LocalImages.exists(name))
        .findFirst()
        .map(name -> "the local base image " + name + " does not exist");
  }
}
