package io.triplestore.daemon.ctl;

import io.triplestore.snapshots.Settings;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl release}: forced releases, by id, by age or by owner. */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = {"Releases leases now (reason FORCED), after their in-flight reads finish.",
        "The holder's next read at a released lease answers 410 Gone."})
final class ReleaseCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Selector selector;

  /** Exactly one of: an id, an age, an owner. */
  static final class Selector {
    @Parameters(paramLabel = "ID", description = "the lease id, as leases lists it")
    Long id;

    @Option(names = "--older-than", paramLabel = "AGE",
        description = "every lease older than AGE (10m, 1h, PT30M, ...)")
    String olderThan;

    @Option(names = "--owner", paramLabel = "LABEL", description = "every lease of this owner label, as leases shows it")
    String owner;
  }

  @Override
  public Integer call() {
    String message;
    if (selector.id != null) {
      message = releaseOne(selector.id);
    } else if (selector.olderThan != null) {
      Duration age = age(selector.olderThan);
      int released = exec("forceReleaseOlderThan", age.toMillis()).asInt();
      message = "released " + leases(released) + " older than " + Settings.format(age);
    } else {
      if (selector.owner.isBlank()) {
        throw new CtlFailure(ExitCode.USAGE, "--owner needs a non-blank owner label");
      }
      int released = exec("forceReleaseOwner", selector.owner).asInt();
      message = "released " + leases(released) + " of owner '" + selector.owner + "'";
    }
    spec.commandLine().getOut().println(message);
    return ExitCode.OK;
  }

  private String releaseOne(long id) {
    LeaseIds.require(id);
    return exec("forceRelease", id).asBoolean()
        ? "released lease " + id + " (reason FORCED)"
        : "lease " + id + " had already been released";
  }

  private com.fasterxml.jackson.databind.JsonNode exec(String operation, Object argument) {
    return ctl.jolokia().exec(JolokiaConnection.QUICK, Triplestorectl.REGISTRY, operation, argument);
  }

  private static Duration age(String text) {
    try {
      return Settings.duration(text);
    } catch (IllegalArgumentException e) {
      throw new CtlFailure(ExitCode.USAGE, "--older-than: " + e.getMessage());
    }
  }

  private static String leases(int count) {
    return count + (count == 1 ? " lease" : " leases");
  }
}
