package io.triplestore.store;

import java.io.InputStream;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The bulk path: the input is committed in batches written without the write-ahead log, and
 * everything is flushed to SST files at the end (also after a failure, so the batches that were
 * committed are on disk and {@link BulkLoadException#committedTriples()} is the truth).
 */
final class BulkLoader {

  private final StoreDatabase database;
  private final TripleWriter writer;
  private final int batchTriples;

  BulkLoader(StoreDatabase database, TripleWriter writer, int batchTriples) {
    this.database = database;
    this.writer = writer;
    this.batchTriples = batchTriples;
  }

  ImportResult load(InputStream in, ImportOptions options) {
    Batches batches = new Batches(options);
    long skipped;
    try (WriteOptions noWal = new WriteOptions().setDisableWAL(true)) {
      try {
        skipped = ParsingPipeline.run(in, options, triple -> batches.add(triple, noWal));
        batches.commit(noWal);
      } catch (RuntimeException e) {
        batches.discard();
        flushAfterFailure(e);
        throw new BulkLoadException(batches.committedTriples, e);
      }
    }
    flush();
    return new ImportResult(batches.total.applied(), batches.total.noOps(), skipped, batches.count);
  }

  private void flushAfterFailure(RuntimeException failure) {
    try {
      flush();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  void flush() {
    try (FlushOptions options = new FlushOptions().setWaitForFlush(true)) {
      database.db.flush(options, new java.util.ArrayList<>(database.columnFamilies.values()));
    } catch (RocksDBException e) {
      throw new StoreException("flush failed: " + e.getMessage(), e);
    }
  }

  /** The open batch, and what the committed ones held. */
  private final class Batches {
    private final ImportOptions options;
    private TripleWriter.StagedWrite current;
    private ChangeResult total = ChangeResult.NONE;
    private long committedTriples;
    private long count;

    Batches(ImportOptions options) {
      this.options = options;
    }

    void add(Triple triple, WriteOptions writeOptions) {
      if (current == null) {
        current = writer.begin();
      }
      current.add(triple);
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
