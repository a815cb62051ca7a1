package io.triplestore.it.container;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Decides {@link RequiresContainerEngine}: enabled when an engine answers and every local base
 * image exists; otherwise disabled, or failed when {@value #VARIABLE} is {@code required}.
 * {@code skip} disables them without asking the engine (.ci/run's JDK 25 stage does not repeat
 * them). The engine is asked once per test JVM.
 *
 * <p>Concurrency: JUnit may evaluate conditions from several threads; the engine's answer is
 * computed under the class lock and then only read.
 */
final class ContainerEngineCondition implements ExecutionCondition {

  /** {@code required}: a skip is a failure; {@code skip}: skipped without asking the engine. */
  static final String VARIABLE = "CI_CONTAINER_TESTS";

  private static Optional<String> engineAnswer;

  private final Supplier<Optional<String>> whatIsMissing;
  private final Function<String, String> environment;

  ContainerEngineCondition() {
    this(ContainerEngineCondition::askTheEngineOnce, System::getenv);
  }

  /**
   * @param whatIsMissing empty when the engine and the images are there, else what is missing
   * @param environment the process environment, by name
   */
  ContainerEngineCondition(Supplier<Optional<String>> whatIsMissing, Function<String, String> environment) {
    this.whatIsMissing = whatIsMissing;
    this.environment = environment;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return evaluate();
  }

  ConditionEvaluationResult evaluate() {
    String mode = environment.apply(VARIABLE);
    if ("skip".equals(mode)) {
      return ConditionEvaluationResult.disabled(VARIABLE + "=skip");
    }
    Optional<String> missing = whatIsMissing.get();
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("a Docker engine answers and the local base images exist");
    }
    if ("required".equals(mode)) {
      throw new IllegalStateException(VARIABLE + "=required, but " + missing.get());
    }
    return ConditionEvaluationResult.disabled(missing.get() + "; `.ci/container-engine.sh start` provides them");
  }

  private static synchronized Optional<String> askTheEngineOnce() {
    if (engineAnswer == null) {
      engineAnswer = askTheEngine();
    }
    return engineAnswer;
  }

  private static Optional<String> askTheEngine() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.of("no Docker engine answers");
    }
    return LocalImages.names().stream()
        .filter(name -> !LocalImages.exists(name))
        .findFirst()
        .map(name -> "the local base image " + name + " does not exist");
  }
}
