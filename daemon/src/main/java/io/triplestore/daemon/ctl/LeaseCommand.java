package io.triplestore.daemon.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.triplestore.snapshots.HumanDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl lease ID}: one live lease in full. */
@Command(name = "lease", mixinStandardHelpOptions = true, description = "Shows one live lease.")
final class LeaseCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "the lease id, as leases lists it")
  long id;

  @Option(names = "--json", description = "the lease as JSON, durations in milliseconds")
  boolean json;

  @Override
  public Integer call() {
    LeaseIds.require(id);
    JsonNode lease = ctl.jolokia().exec(JolokiaConnection.QUICK, Triplestorectl.REGISTRY, "lease", id);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(lease.toPrettyString());
      return ExitCode.OK;
    }
    line(out, "id", lease.path("id").asText());
    line(out, "owner", lease.path("owner").asText());
    line(out, "thread", lease.path("ownerThread").asText());
    line(out, "created", lease.path("createdAt").asText());
    line(out, "age", millis(lease, "ageMillis"));
    line(out, "ttl", millis(lease, "ttlMillis"));
    line(out, "remaining", millis(lease, "remainingMillis"));
    line(out, "warned", lease.path("warned").asText());
    String stack = lease.path("creationStack").asText("");
    line(out, "stack", stack.isEmpty() ? "(not captured; see snapshot.stack-capture)" : "");
    stack.lines().filter(frame -> !frame.isEmpty()).forEach(frame -> out.println("  " + frame));
    return ExitCode.OK;
  }

  private static String millis(JsonNode lease, String field) {
    return HumanDuration.format(Duration.ofMillis(lease.path(field).asLong()));
  }

  private static void line(PrintWriter out, String key, String value) {
    out.println(String.format("%-10s %s", key, value).stripTrailing());
  }
}
