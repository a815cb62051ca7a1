package io.triplestore.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.rocksdb.RocksDBException;

/**
 * The bulk path for N-Triples and N-Quads: parse on every core ({@link ParallelLineReader}),
 * encode and sort ({@link QuadEncoder}, {@link ExternalSorter}), write one sorted SST file per
 * column family, and ingest them atomically through a roll-forward journal ({@link
 * BulkLoadJournal}). RocksDB's own bulk path: no write-ahead log, no memtable, no compaction of
 * what is loaded into an empty store.
 *
 * <p>All or nothing: the load commits once, when its journal record is durable. Before that, any
 * failure (a syntax error anywhere, a full disk) leaves the store's quads as they were; after it,
 * the load completes, on reopen if a crash intervenes. Counts are exact: a quad the store already
 * holds, or one the input repeats, is counted once ({@link ImportResult#noOps()} for the rest).
 *
 * <p>Heap: {@link QuadEncoder}'s bound (twice {@code runBufferBytes} of buffered entries, the term
 * map up to {@code termMapMax} terms) plus {@link ParallelLineReader}'s read-ahead.
 *
 * <p>Concurrency: holds the writer's lock for the whole load, so no other write interleaves with
 * an existence check or an id it depends on; readers go on. The parser, spill and merge threads are
 * the load's own and are gone when it returns.
 */
final class SstBulkLoader {

  static final long RUN_BUFFER_BYTES = 64L << 20;
  static final int TERM_MAP_MAX = 4_000_000;

  private final StoreDatabase database;
  private final Path storeDirectory;
  private final TripleWriter writer;
  private final BulkLoadJournal.StepHook hook;
  private final long runBufferBytes;
  private final int termMapMax;
  private final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());

  SstBulkLoader(StoreDatabase database, Path storeDirectory, TripleWriter writer) {
    this(database, storeDirectory, writer, BulkLoadJournal.StepHook.NONE, RUN_BUFFER_BYTES, TERM_MAP_MAX);
  }

  SstBulkLoader(StoreDatabase database, Path storeDirectory, TripleWriter writer, BulkLoadJournal.StepHook hook,
      long runBufferBytes, int termMapMax) {
    this.database = database;
    this.storeDirectory = storeDirectory;
    this.writer = writer;
    this.hook = hook;
    this.runBufferBytes = runBufferBytes;
    this.termMapMax = termMapMax;
  }

  /** Whether this loader reads {@code format} with these options (bad lines fail a load, never skip). */
  static boolean handles(RDFFormat format, ImportOptions options) {
    return LineChunkParser.reads(format) && !options.skipsBadLines();
  }

  ImportResult load(InputStream in, RDFFormat format, ImportOptions options) {
    try (TripleWriter.Exclusive lock = writer.exclusive()) {
      BulkLoadJournal journal = new BulkLoadJournal(database, storeDirectory, hook);
      String load = "load-" + UUID.randomUUID();
      BulkLoadJournal.Record record;
      long inputQuads;
      long added;
      try {
        Path directory = Files.createDirectories(journal.directory(load));
        ExecutorService pool = Executors.newFixedThreadPool(threads, SstBulkLoader::daemon);
        try {
          QuadEncoder encoder = new QuadEncoder(database, directory, pool, runBufferBytes, termMapMax,
              lock.nextTermId(), lock.tripleCount() + lock.namedQuadCount() > 0);
          try {
            new ParallelLineReader(format, options.limits(), threads).read(in, quads -> quads.forEach(encoder::add));
            encoder.awaitSpills();
            record = writeFiles(load, directory, encoder, pool, lock);
          } finally {
            encoder.id2str().close();
            encoder.sorters().forEach(ExternalSorter::close);
          }
          inputQuads = encoder.inputQuads();
          added = record.tripleCount() - lock.tripleCount() + record.namedQuadCount() - lock.namedQuadCount();
        } finally {
          pool.shutdownNow();
        }
        syncDirectory(directory);
        syncDirectory(directory.getParent());
        journal.commit(record);
      } catch (RuntimeException | Error | IOException e) {
        if (journal.uncertain()) {
          lock.makeUnusable("a bulk load may have committed (" + e.getMessage() + "); close and reopen the store");
        } else {
          discard(journal, load, e);
        }
        throw new BulkLoadException(0, e);
      }
      // Committed: whatever happens now, the writer must not hand out the load's ids again.
      lock.advance(record.tripleCount(), record.namedQuadCount(), record.nextTermId());
      try {
        journal.complete(record);
      } catch (RuntimeException | Error e) {
        lock.makeUnusable("a bulk load committed but could not be completed (" + e.getMessage()
            + "); close and reopen the store, which completes it");
        throw new BulkLoadException(inputQuads, e);
      }
      options.progress(inputQuads);
      return new ImportResult(added, inputQuads - added, 0, 1);
    }
  }

  /** Merges every sorter into its SST file (on the pool, a column family per task); the journal record. */
  private BulkLoadJournal.Record writeFiles(String load, Path directory, QuadEncoder encoder, ExecutorService pool,
      TripleWriter.Exclusive lock) {
    Map<String, String> files = new LinkedHashMap<>();
    SstFile id2str = encoder.id2str();
    if (id2str.entries() > 0) {
      id2str.finish();
      files.put(StoreDatabase.ID2STR, id2str.path().getFileName().toString());
    }
    Map<Long, Long> graphAdded = new HashMap<>();
    Map<String, Future<Long>> merges = new LinkedHashMap<>();
    merges.put(StoreDatabase.STR2ID, pool.submit(() -> merge(StoreDatabase.STR2ID, encoder.str2idSorter(), directory,
        entry -> entry.length - Long.BYTES, null)));
    for (IndexOrder index : IndexOrder.values()) {
      Map<Long, Long> perGraph = index == IndexOrder.GSPO ? graphAdded : null;
      merges.put(index.columnFamily(), pool.submit(() -> merge(index.columnFamily(), encoder.sorter(index), directory,
          entry -> entry.length, perGraph)));
    }
    long defaultAdded = 0;
    long namedAdded = 0;
    for (Map.Entry<String, Future<Long>> merge : merges.entrySet()) {
      long entries = get(merge.getValue());
      if (entries > 0) {
        files.put(merge.getKey(), merge.getKey() + ".sst");
      }
      if (merge.getKey().equals(IndexOrder.SPO.columnFamily())) {
        defaultAdded = entries;
      } else if (merge.getKey().equals(IndexOrder.GSPO.columnFamily())) {
        namedAdded = entries;
      }
    }
    return new BulkLoadJournal.Record(load, files, lock.tripleCount() + defaultAdded,
        lock.namedQuadCount() + namedAdded, encoder.nextTermId(), graphCounts(graphAdded));
  }

  private interface KeyLength {
    int of(byte[] entry);
  }

  /** Writes the sorter's distinct entries to {@code <family>.sst}; returns how many (none: no file). */
  private static long merge(String family, ExternalSorter sorter, Path directory, KeyLength keyLength,
      Map<Long, Long> perGraph) {
    try (SstFile file = new SstFile(family, directory.resolve(family + ".sst"))) {
      long distinct = sorter.merge(entry -> {
        int length = keyLength.of(entry);
        file.put(java.util.Arrays.copyOf(entry, length), java.util.Arrays.copyOfRange(entry, length, entry.length));
        if (perGraph != null) {
          // gspo keys start with the graph: one count per named graph, exact after deduplication.
          perGraph.merge(Dictionary.toLong(java.util.Arrays.copyOf(entry, Long.BYTES)), 1L, Long::sum);
        }
      });
      if (distinct > 0) {
        file.finish();
      }
      return distinct;
    }
  }

  /** The count of each graph the load added to: what it held (read under the writer's lock) plus the added. */
  private Map<Long, Long> graphCounts(Map<Long, Long> added) {
    Map<Long, Long> counts = new LinkedHashMap<>();
    for (Map.Entry<Long, Long> graph : added.entrySet()) {
      try {
        byte[] stored = database.db.get(database.graphs, Dictionary.toBytes(graph.getKey()));
        counts.put(graph.getKey(), (stored == null ? 0 : Dictionary.toLong(stored)) + graph.getValue());
      } catch (RocksDBException e) {
        throw new StoreException("cannot read the count of graph " + graph.getKey() + ": " + e.getMessage(), e);
      }
    }
    return counts;
  }

  private static long get(Future<Long> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while writing the bulk load's SST files", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new StoreException("writing the bulk load's SST files failed: " + e.getCause(), e.getCause());
    }
  }

  /** The files are synced by RocksDB; their names in the directory must be durable too. */
  private static void syncDirectory(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void discard(BulkLoadJournal journal, String load, Throwable failure) {
    try {
      journal.discard(load);
    } catch (UncheckedIOException e) {
      // Left for the next open, which deletes whatever no journal record names.
      failure.addSuppressed(e);
    }
  }

  private static Thread daemon(Runnable runnable) {
    Thread thread = new Thread(runnable, "triplestore-bulk-sort");
    thread.setDaemon(true);
    return thread;
  }
}
