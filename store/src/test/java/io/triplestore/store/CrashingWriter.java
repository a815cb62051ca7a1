package io.triplestore.store;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A store in a JVM of its own, for {@link SigkillRecoveryTest} to kill: it bulk-loads one batch
 * of {@value #BULK_TRIPLES} triples, stalls the bulk input (so the load neither ends nor flushes
 * at the end), adds one triple atomically that uses a term of the bulk batch, prints
 * {@value #ACKNOWLEDGED} and waits to be killed.
 *
 * <p>The terms are short on purpose: the parsing pipeline hands triples on in chunks of 1024
 * triples or 64 KiB of terms, whichever comes first, so a batch of 1024 short triples leaves it as
 * one chunk as soon as its last line is read. With longer terms the batch's last triples would
 * wait for more input that never comes, and the acknowledgement with them.
 */
public final class CrashingWriter {

  static final int BULK_TRIPLES = 1024;
  static final String ACKNOWLEDGED = "acknowledged";

  private CrashingWriter() {}

  static Triple bulkTriple(int i) {
    return Triple.of(Iri.of("urn:s" + i), Iri.of("urn:p"), Iri.of("urn:o" + i));
  }

  /** The atomic write: the subject of bulk triple 7 (a term the bulk batch introduced). */
  static Triple atomicTriple() {
    return Triple.of(bulkTriple(7).subject(), Iri.of("urn:atomic-p"), Iri.of("urn:atomic-o"));
  }

  public static void main(String[] args) throws Exception {
    TripleStore store = TripleStore.open(Path.of(args[0]), StoreOptions.builder()
        .syncWrites(true)
        .bulkBatchTriples(BULK_TRIPLES)
        // The batched bulk path, whose batches commit while the input goes on; SstSigkillRecoveryTest
        // kills the SST path, which commits once.
        .sstBulkLoad(false)
        .build());
    CountDownLatch batchCommitted = new CountDownLatch(1);
    PipedInputStream bulkInput = new PipedInputStream(1 << 20);
    OutputStream feed = new PipedOutputStream(bulkInput);
    Thread bulk = new Thread(() -> store.bulkLoad(bulkInput, ImportOptions.builder()
        .progress(committed -> batchCommitted.countDown()).build()), "bulk-load");
    bulk.start();
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < BULK_TRIPLES; i++) {
      lines.append(bulkTriple(i).toNTriples()).append('\n');
    }
    feed.write(lines.toString().getBytes(StandardCharsets.UTF_8));
    feed.flush();
    batchCommitted.await();
    store.add(atomicTriple());
    System.out.println(ACKNOWLEDGED);
    System.out.flush();
    bulk.join(); // the input never ends: wait for SIGKILL
  }
}
