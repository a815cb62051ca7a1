package io.triplestore.store;

import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A store in a JVM of its own, for {@link SigkillRecoveryTest} to kill: it bulk-loads one batch
 * of {@value #BULK_TRIPLES} triples, then {@value #TRAILING_TRIPLES} more with long literals, and
 * stalls the bulk input (so the load neither ends nor flushes at the end), adds one triple
 * atomically that uses a term of the bulk batch, prints {@value #ACKNOWLEDGED} and waits to be
 * killed.
 *
 * <p>The trailing triples are what gets the batch committed: the reader parses lines in chunks
 * (1024 lines or 1 MiB of characters) and the parsing pipeline hands triples on in chunks (1024
 * triples or 64 KiB of terms), so the chunk holding the batch's last triple moves on only once
 * more input fills it. They hold more than 1 MiB of characters in fewer lines than a batch, so a
 * second batch never commits and is lost with the kill.
 */
public final class CrashingWriter {

  static final int BULK_TRIPLES = 1024;
  static final int TRAILING_TRIPLES = 600;
  static final String ACKNOWLEDGED = "acknowledged";
  /** 2,000 characters: the trailing triples hold more than the reader's 1 MiB chunk. */
  private static final String LONG_LITERAL = "x".repeat(2000);

  private CrashingWriter() {}

  static Triple bulkTriple(int i) {
    return TestStores.triple("bulk/s" + i, "bulk/p", "bulk/o" + i);
  }

  /** The atomic write: the subject of bulk triple 7 (a term the bulk batch introduced). */
  static Triple atomicTriple() {
    return TestStores.triple("bulk/s7", "atomic/p", "atomic/o");
  }

  public static void main(String[] args) throws Exception {
    TripleStore store = TripleStore.open(Path.of(args[0]), StoreOptions.builder()
        .syncWrites(true)
        .bulkBatchTriples(BULK_TRIPLES)
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
    for (int i = 0; i < TRAILING_TRIPLES; i++) {
      lines.append(Triple.of(TestStores.iri("trailing/s" + i), TestStores.iri("trailing/p"), Literal.of(LONG_LITERAL))
          .toNTriples()).append('\n');
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
