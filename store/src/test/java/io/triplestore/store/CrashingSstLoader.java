package io.triplestore.store;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * A store in a JVM of its own, for {@link SstSigkillRecoveryTest} to kill in the middle of an SST
 * bulk load: the load stops at the step named by the second argument ({@link BulkLoadJournal.Step}),
 * prints {@value #STOPPED} and waits to be killed.
 */
public final class CrashingSstLoader {

  static final String STOPPED = "stopped at ";
  static final int QUADS = 30_000;

  private CrashingSstLoader() {}

  public static void main(String[] args) throws Exception {
    BulkLoadJournal.Step stopAt = BulkLoadJournal.Step.valueOf(args[1]);
    CountDownLatch never = new CountDownLatch(1);
    SstBulkLoadTest.LowLevelStore store = new SstBulkLoadTest.LowLevelStore(Path.of(args[0]), step -> {
      if (step == stopAt) {
        System.out.println(STOPPED + step);
        System.out.flush();
        try {
          never.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, 256 << 10, 1_000_000);
    store.loader.load(SstBulkLoadTest.nquads(SstBulkLoadTest.quads(QUADS)), RDFFormat.NQUADS, ImportOptions.strict());
  }
}
