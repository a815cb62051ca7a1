package io.triplestore.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agent options as a host sees them: a bad one is one clear line, and the host runs without the agent. */
class AgentOptionsHostTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ttl=soon           | agent option ttl='soon' is invalid: 'soon' is not a positive duration",
      "stack=some         | agent option stack='some' is invalid: 'some' is not a stack capture setting: off, all or sample:N",
      "release=always     | agent option release='always' is invalid: 'always' is not a release mode",
      "warn=1.5           | agent option warn='1.5' is invalid: '1.5' is not a fraction strictly between 0 and 1",
      "colour=blue        | unknown agent option 'colour'",
      "package=org..rocks | agent option package='org..rocks' is invalid",
  })
  void badOptionDisablesTheAgentWithOneClearLineAndTheHostWorks(String options, String message) throws Exception {
    try (HostProcess host = HostProcess.start(AgentJars.javaagent(options), AgentJars.rocksDb(), SnapshotHost.class,
        dir.resolve("db").toString(), "plain")) {
      host.run("leak");
      host.run("put k v");
      host.run("get k");

      assertThat(host.stdout()).contains("value v");
      assertThat(host.agentLines()).hasSize(1);
      assertThat(host.agentLines().get(0)).startsWith("disabled: " + message).endsWith("; the application runs without it");
      assertThat(host.count()).isEqualTo("count native=1 tracked=none");
    }
  }

  @Test
  void logOptionSendsTheReportsToAFileInsteadOfStderr() throws Exception {
    Path log = dir.resolve("agent.log");
    try (HostProcess host = HostProcess.start(AgentJars.javaagent("log=" + log + ",ttl=1m"), AgentJars.rocksDb(),
        SnapshotHost.class, dir.resolve("db").toString(), "plain")) {
      host.run("leak");
      host.exit();

      assertThat(host.agentLines()).isEmpty();
      assertThat(Files.readAllLines(log))
          .anyMatch(l -> l.startsWith("[triplestore-agent] active (-javaagent): ttl=1m,"))
          .anyMatch(l -> l.startsWith("[triplestore-agent] LEAK snapshot lease=1 "));
    }
  }
}
