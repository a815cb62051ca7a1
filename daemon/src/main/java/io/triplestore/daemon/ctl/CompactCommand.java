package io.triplestore.daemon.ctl;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl compact}: a plain full compaction. */
@Command(name = "compact", mixinStandardHelpOptions = true,
    description = {"A plain full compaction. It leaves bottommost files as they are, so it does not give back",
        "what released snapshots pinned: use reclaim for that."})
final class CompactCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return StoreMaintenance.run(ctl.jolokia(), "compact", spec.commandLine().getOut());
  }
}
