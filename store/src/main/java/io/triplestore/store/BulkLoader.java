package io.triplestore.store;

import java.io.InputStream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.rocksdb.WriteOptions;

/**
 * The bulk path, for adds ({@link TripleStore#bulkLoad}) and removes ({@link
 * TripleStore#bulkRemove}) alike: the input is committed in batches written without the write-ahead log, each
 * flushed to SST files (atomically, every column family) before it counts as committed and before
 * any other write may start. So a batch reported to the progress callback survives a crash, and
 * no write acknowledged later can depend on one that does not; {@link
 * BulkLoadException#committedTriples()} counts exactly the batches that are on disk.
 *
 * <p>Concurrency: each call runs on the caller's thread (the parser on its own, see {@link
 * ParsingPipeline}); the {@link TripleWriter} serializes it with every other write.
 */
final class BulkLoader {

  private final TripleWriter writer;
  private final int batchTriples;

  BulkLoader(TripleWriter writer, int batchTriples) {
    this.writer = writer;
    this.batchTriples = batchTriples;
  }

  /** What a bulk run does with each quad it reads. */
  enum Change {
    ADD("bulk load"),
    REMOVE("bulk remove");

    private final String operation;

    Change(String operation) {
      this.operation = operation;
    }
  }

  ImportResult run(InputStream in, RDFFormat format, ImportOptions options, Change change) {
    Batches batches = new Batches(options, change);
    // Misuse (skipping bad lines of a document) is an IllegalArgumentException, not a failed load.
    ParsingPipeline pipeline = ParsingPipeline.of(in, format, options);
    long skipped;
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      skipped = pipeline.run(quad -> batches.add(quad, noWal));
      batches.commit(noWal);
    } catch (RuntimeException e) {
      batches.discard();
      throw new BulkLoadException(change.operation, batches.committedTriples, e);
    }
    return new ImportResult(batches.total.applied(), batches.total.noOps(), skipped, batches.count);
  }

  /** The open batch, and what the committed ones held. */
  private final class Batches {
    private final ImportOptions options;
    private final Change change;
    private TripleWriter.StagedWrite current;
    private ChangeResult total = ChangeResult.NONE;
    private long committedTriples;
    private long count;

    Batches(ImportOptions options, Change change) {
      this.options = options;
      this.change = change;
    }

    void add(Quad quad, WriteOptions writeOptions) {
      if (current == null) {
        current = writer.begin();
      }
      if (change == Change.ADD) {
        current.add(quad);
      } else {
        current.remove(quad);
      }
      if (current.staged() >= batchTriples) {
        commit(writeOptions);
      }
    }

    void commit(WriteOptions writeOptions) {
      if (current == null) {
        return;
      }
      try {
        ChangeResult result = current.commit(writeOptions);
        total = total.plus(result);
        committedTriples += result.applied() + result.noOps();
        count++;
      } finally {
        current.close();
        current = null;
      }
      options.progress(committedTriples);
    }

    void discard() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
