package io.triplestore.daemon.ctl;

import io.triplestore.daemon.jmx.ByteSizes;
import java.io.PrintWriter;

/**
 * A store operation that rewrites SST files ({@code reclaim}, {@code compact}): run it, waiting as
 * long as it takes, and say how the SST size changed, which is what the operator ran it for.
 */
final class StoreMaintenance {

  private StoreMaintenance() {}

  static int run(JolokiaConnection jolokia, String operation, PrintWriter out) {
    long before = jolokia.read(Triplestorectl.STORE, "TotalSstBytes").asLong();
    long start = System.nanoTime();
    jolokia.exec(null, Triplestorectl.STORE, operation);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long after = jolokia.read(Triplestorectl.STORE, "TotalSstBytes").asLong();
    out.println(operation + " done in " + millis + " ms: SST files " + ByteSizes.format(before) + " -> "
        + ByteSizes.format(after) + (after < before ? " (" + ByteSizes.format(before - after) + " given back)" : ""));
    return ExitCode.OK;
  }
}
