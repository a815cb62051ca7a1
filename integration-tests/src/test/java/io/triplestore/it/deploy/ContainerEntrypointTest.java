package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entrypoint ({@code docker/entrypoint.sh}): Jolokia reachable from outside the
 * container only with credentials, and otherwise a plain {@code exec} of the launcher with the
 * container's arguments. A stand-in launcher under {@code TRIPLESTORE_HOME} records that it ran.
 */
class ContainerEntrypointTest {

  @TempDir Path home;

  @BeforeEach
  void installStandInLauncher() throws IOException {
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path launcher = Files.writeString(bin.resolve("triplestored"),
        "#!/bin/sh\necho \"launcher ran with: $*\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void refusesJolokiaOnTheWildcardWithoutCredentials() {
    ProcessRun run = entrypoint(env -> env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0"));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.stderr()).isEqualTo("triplestored: jolokia.host=0.0.0.0 is reachable from outside the container"
        + " without credentials; set TRIPLESTORE_JOLOKIA_USER and TRIPLESTORE_JOLOKIA_PASSWORD,"
        + " or TRIPLESTORE_JOLOKIA_HOST=127.0.0.1, or TRIPLESTORE_JOLOKIA_ENABLED=false\n");
    assertThat(run.stdout()).as("the launcher must not run").isEmpty();
  }

  @Test
  void refusesJolokiaOnTheWildcardWithAUserButNoPassword() {
    ProcessRun run = entrypoint(env -> {
      env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0");
      env.put("TRIPLESTORE_JOLOKIA_USER", "ops");
    });

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
  }

  @Test
  void importAndHelpRunWithoutCredentialsBecauseTheyStartNoJolokia() {
    ProcessRun importRun = entrypoint(env -> env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0"), "import", "/in/file.nt");
    ProcessRun help = entrypoint(env -> env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0"), "--help");
    ProcessRun serveWithFlags = entrypoint(env -> env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0"), "--http.port=9090");

    assertThat(importRun.exitCode()).as(importRun.output()).isZero();
    assertThat(importRun.stdout()).isEqualTo("launcher ran with: import /in/file.nt\n");
    assertThat(help.stdout()).isEqualTo("launcher ran with: --help\n");
    assertThat(serveWithFlags.exitCode()).as("serving with flags still needs credentials").isEqualTo(2);
  }

  @Test
  void startsTheLauncherWithItsArgumentsWhenJolokiaHasCredentials() {
    ProcessRun run = entrypoint(env -> {
      env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0");
      env.put("TRIPLESTORE_JOLOKIA_USER", "ops");
      env.put("TRIPLESTORE_JOLOKIA_PASSWORD", "secret");
    }, "--http.port=9090", "import", "/data/file.nt");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("launcher ran with: --http.port=9090 import /data/file.nt\n");
  }

  @Test
  void startsWithoutCredentialsWhenJolokiaStaysOnLoopback() {
    ProcessRun defaults = entrypoint(env -> { });
    ProcessRun loopback = entrypoint(env -> env.put("TRIPLESTORE_JOLOKIA_HOST", "127.0.0.1"));

    assertThat(defaults.exitCode()).as(defaults.output()).isZero();
    assertThat(loopback.exitCode()).as(loopback.output()).isZero();
    assertThat(loopback.stdout()).isEqualTo("launcher ran with: \n");
  }

  @Test
  void startsWithoutCredentialsWhenJolokiaIsDisabledInAnyCase() {
    ProcessRun run = entrypoint(env -> {
      env.put("TRIPLESTORE_JOLOKIA_HOST", "0.0.0.0");
      env.put("TRIPLESTORE_JOLOKIA_ENABLED", " FALSE ");
    });

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).startsWith("launcher ran with:");
  }

  private ProcessRun entrypoint(Consumer<Map<String, String>> environment, String... arguments) {
    List<String> command = new java.util.ArrayList<>(List.of("sh", RepositoryFiles.file("docker/entrypoint.sh").toString()));
    command.addAll(List.of(arguments));
    return ProcessRun.run(command, env -> {
      env.put("TRIPLESTORE_HOME", home.toString());
      environment.accept(env);
    });
  }
}
