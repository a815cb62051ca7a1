package io.triplestore.daemon.ctl;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code triplestorectl reclaim}: the forced bottommost compaction that gives pinned space back. */
@Command(name = "reclaim", mixinStandardHelpOptions = true,
    description = {"Gives back the space released snapshots pinned: a full compaction with forced bottommost",
        "compaction. Rewrites the data files; slow on a large store; waits until it is done."})
final class ReclaimCommand implements Callable<Integer> {

  @ParentCommand Triplestorectl ctl;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    return StoreMaintenance.run(ctl.jolokia(), "reclaim", spec.commandLine().getOut());
  }
}
