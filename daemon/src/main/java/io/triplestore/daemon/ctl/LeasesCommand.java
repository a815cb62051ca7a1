package io.triplestore.daemon.ctl;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl leases}: the live leases, oldest first. */
@Command(name = "leases", mixinStandardHelpOptions = true,
    description = "Lists live leases, oldest first: id, owner, age, TTL, remaining time, state, thread, creation time, description (a SPARQL query's text).")
final class LeasesCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "how many leases, oldest first (default 0: the daemon's default of 100)")
  int limit;

  @Option(names = "--json", description = "the leases as a JSON array, with every field in milliseconds")
  boolean json;

  @Override
  public Integer call() {
    if (limit < 0) {
      throw new CtlFailure(ExitCode.USAGE, "--limit must be 0 (the default) or more: " + limit);
    }
    JolokiaConnection jolokia = ctl.jolokia();
    String text = json
        ? jolokia.exec(JolokiaConnection.QUICK, Triplestorectl.REGISTRY, "info", limit).toPrettyString()
        : jolokia.exec(JolokiaConnection.QUICK, Triplestorectl.REGISTRY, "leaseTable", limit).asText();
    spec.commandLine().getOut().println(text);
    return ExitCode.OK;
  }
}
