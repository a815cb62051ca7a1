package io.triplestore.it.container;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs a Docker engine and the local base images of
 * {@code .ci/container-engine.sh}. Where they are missing the class is skipped, naming what is
 * missing; with {@code CI_CONTAINER_TESTS=required} in the environment (as {@code .ci/run}
 * sets once the engine came up) it fails instead, so a CI run cannot pass by skipping them;
 * {@code CI_CONTAINER_TESTS=skip} skips them without asking.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ContainerEngineCondition.class)
@interface RequiresContainerEngine {}
