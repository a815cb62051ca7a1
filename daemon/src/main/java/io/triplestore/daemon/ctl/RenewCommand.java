package io.triplestore.daemon.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.triplestore.snapshots.Settings;
import io.triplestore.snapshots.HumanDuration;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl renew ID TTL}: restarts a lease's clock. */
@Command(name = "renew", mixinStandardHelpOptions = true,
    description = "Restarts a lease's clock: it expires TTL from now (within the daemon's snapshot.max-ttl).")
final class RenewCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "the lease id, as leases lists it")
  long id;

  @Parameters(index = "1", paramLabel = "TTL", description = "the new time-to-live (10m, 1h, PT30M, ...)")
  String ttl;

  @Override
  public Integer call() {
    LeaseIds.require(id);
    Duration parsed;
    try {
      parsed = Settings.duration(ttl);
    } catch (IllegalArgumentException e) {
      throw new CtlFailure(ExitCode.USAGE, "TTL: " + e.getMessage());
    }
    JsonNode lease = ctl.jolokia().exec(JolokiaConnection.QUICK, Triplestorectl.REGISTRY, "renew", id, parsed.toMillis());
    spec.commandLine().getOut().println("renewed lease " + id + " of " + lease.path("owner").asText()
        + ": expires in " + HumanDuration.format(Duration.ofMillis(lease.path("remainingMillis").asLong()))
        + " (age " + HumanDuration.format(Duration.ofMillis(lease.path("ageMillis").asLong())) + ")");
    return ExitCode.OK;
  }
}
