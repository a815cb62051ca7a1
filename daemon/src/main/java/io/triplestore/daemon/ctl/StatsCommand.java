package io.triplestore.daemon.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.triplestore.daemon.jmx.ByteSizes;
import io.triplestore.snapshots.HumanDuration;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl stats}: the registry's and the store's figures in one screen. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Shows leases, releases by reason, RocksDB snapshots and store sizes.")
final class StatsCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "every attribute of both MBeans as JSON: {\"registry\":{...},\"store\":{...}}")
  boolean json;

  @Override
  public Integer call() {
    JolokiaConnection jolokia = ctl.jolokia();
    JsonNode registry = jolokia.readAll(Triplestorectl.REGISTRY);
    JsonNode store = jolokia.readAll(Triplestorectl.STORE);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode both = new ObjectMapper().createObjectNode();
      both.set("registry", registry);
      both.set("store", store);
      out.println(both.toPrettyString());
      return ExitCode.OK;
    }
    long count = registry.path("Count").asLong();
    line(out, "leases", count + (count == 0 ? "" : " (oldest " + millis(registry.path("OldestAgeMillis"))
        + ", created " + registry.path("OldestLeaseCreatedAt").asText() + ")"));
    line(out, "created", registry.path("TotalCreated").asText());
    line(out, "released", registry.path("TotalReleased").asText() + " (manual " + registry.path("ReleasedManual").asText()
        + ", expired " + registry.path("ReleasedExpired").asText() + ", owner-down "
        + registry.path("ReleasedOwnerDown").asText() + ", forced " + registry.path("ReleasedForced").asText()
        + ", closed " + registry.path("ReleasedClosed").asText() + ")");
    line(out, "warnings", registry.path("WarningsEmitted").asText());
    line(out, "rocksdb snapshots", registry.path("RocksDbSnapshotCount").asText() + " (untracked "
        + registry.path("UntrackedSnapshotCount").asText() + ")");
    line(out, "triples", store.path("Triples").asText());
    line(out, "sst", store.path("SstBytesSummary").asText());
    line(out, "live estimate", ByteSizes.format(store.path("EstimatedLiveBytes").asLong()) + String.format(
        java.util.Locale.ROOT, " (live/total %.2f)", store.path("LiveToTotalRatio").asDouble()));
    line(out, "data directory", store.path("DataDirectory").asText());
    return ExitCode.OK;
  }

  private static String millis(JsonNode value) {
    return HumanDuration.format(Duration.ofMillis(value.asLong()));
  }

  private static void line(PrintWriter out, String key, String value) {
    out.println(String.format("%-18s %s", key, value));
  }
}
