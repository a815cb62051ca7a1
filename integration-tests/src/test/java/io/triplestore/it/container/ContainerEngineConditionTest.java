package io.triplestore.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** When the container tests run, skip or fail; with a stand-in engine, so it runs everywhere. */
class ContainerEngineConditionTest {

  private static final Optional<String> ENGINE_UP = Optional.empty();
  private static final Optional<String> NO_ENGINE = Optional.of("no Docker engine answers");

  @Test
  void runsWhereTheEngineAndTheImagesAreThere() {
    assertThat(evaluate(ENGINE_UP, Map.of()).isDisabled()).isFalse();
    assertThat(evaluate(ENGINE_UP, Map.of(ContainerEngineCondition.VARIABLE, "required")).isDisabled()).isFalse();
  }

  @Test
  void skipsNamingWhatIsMissingWhereNothingIsRequired() {
    ConditionEvaluationResult result = evaluate(NO_ENGINE, Map.of());

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("no Docker engine answers").contains(".ci/container-engine.sh start"));
  }

  @Test
  void failsNamingWhatIsMissingWhereTheTestsAreRequired() {
    assertThatThrownBy(() -> evaluate(NO_ENGINE, Map.of(ContainerEngineCondition.VARIABLE, "required")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("CI_CONTAINER_TESTS=required, but no Docker engine answers");
  }

  @Test
  void skipSkipsWithoutAskingTheEngine() {
    AtomicInteger asked = new AtomicInteger();
    ContainerEngineCondition condition = new ContainerEngineCondition(() -> {
      asked.incrementAndGet();
      return ENGINE_UP;
    }, Map.of(ContainerEngineCondition.VARIABLE, "skip")::get);

    assertThat(condition.evaluate().isDisabled()).isTrue();
    assertThat(asked).hasValue(0);
  }

  private static ConditionEvaluationResult evaluate(Optional<String> missing, Map<String, String> environment) {
    return new ContainerEngineCondition(() -> missing, environment::get).evaluate();
  }
}
