package io.triplestore.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.IngestExternalFileOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Makes an SST bulk load atomic across column families, which RocksDB's Java API cannot do in one
 * call ({@code ingestExternalFile} takes one column family): a roll-forward journal.
 *
 * <ol>
 *   <li>Every SST file of the load is written and fsynced in {@code bulk-load/<load>/} of the store
 *       directory.
 *   <li>{@link #commit} writes the journal record (the files per column family and the counter
 *       values after the load) to {@code meta} in one synced write: <b>the commit point</b>.
 *   <li>{@link #complete} ingests each column family's files, through hard links that RocksDB moves
 *       into the database, so the originals stay for a replay; then writes the counters and
 *       deletes the record in one synced write; then deletes the files.
 * </ol>
 *
 * <p>On open, {@link #recover} completes a load whose record is there (ingesting a file again is
 * harmless: same keys, same values, and the counters are absolute values), and deletes what a load
 * that never reached its commit point left behind. So after a crash a load is there whole or not
 * at all.
 *
 * <p>Concurrency: {@link #commit} and {@link #complete} run under the writer's lock; {@link
 * #recover} on open, before the store is shared. Readers without a lease may see one column family
 * ingested before the next (a load is not atomic for them, as batched bulk loads never were);
 * leases taken before the ingestion see none of it (ingested files get sequence numbers above every
 * snapshot).
 */
final class BulkLoadJournal {

  static final byte[] KEY = "bulk-load-journal".getBytes(StandardCharsets.US_ASCII);
  static final String DIRECTORY = "bulk-load";
  private static final int VERSION = 1;

  /** Where the load is in {@link #complete}; a test hook throws at one to simulate a crash. */
  enum Step {
    FILES_SYNCED, JOURNAL_WRITTEN, ONE_FAMILY_INGESTED, ALL_INGESTED, COUNTERS_WRITTEN
  }

  /** Called at each {@link Step}; the production hook does nothing. */
  interface StepHook {
    StepHook NONE = step -> { };

    void reached(Step step);
  }

  /**
   * One load: its directory (under {@code bulk-load/}), its SST file per column family (in that
   * directory), and the counters after it (graph counts: the absolute count of each graph it added to).
   */
  record Record(String load, Map<String, String> files, long tripleCount, long namedQuadCount, long nextTermId,
      Map<Long, Long> graphCounts) {

    byte[] toBytes() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeInt(VERSION);
        out.writeUTF(load);
        out.writeInt(files.size());
        for (Map.Entry<String, String> file : files.entrySet()) {
          out.writeUTF(file.getKey());
          out.writeUTF(file.getValue());
        }
        out.writeLong(tripleCount);
        out.writeLong(namedQuadCount);
        out.writeLong(nextTermId);
        out.writeInt(graphCounts.size());
        for (Map.Entry<Long, Long> graph : graphCounts.entrySet()) {
          out.writeLong(graph.getKey());
          out.writeLong(graph.getValue());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }

    static Record fromBytes(byte[] value) {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
        int version = in.readInt();
        if (version != VERSION) {
          throw new StoreException("corrupt store: bulk-load journal of unknown version " + version);
        }
        String load = in.readUTF();
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
          files.put(in.readUTF(), in.readUTF());
        }
        long tripleCount = in.readLong();
        long namedQuadCount = in.readLong();
        long nextTermId = in.readLong();
        Map<Long, Long> graphCounts = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
          graphCounts.put(in.readLong(), in.readLong());
        }
        return new Record(load, files, tripleCount, namedQuadCount, nextTermId, graphCounts);
      } catch (IOException e) {
        throw new StoreException("corrupt store: unreadable bulk-load journal: " + e.getMessage(), e);
      }
    }
  }

  private final StoreDatabase database;
  private final Path root;
  private final StepHook hook;
  private boolean uncertain;

  BulkLoadJournal(StoreDatabase database, Path storeDirectory, StepHook hook) {
    this.database = database;
    this.root = storeDirectory.resolve(DIRECTORY);
    this.hook = hook;
  }

  /** The directory of load {@code load}, where its SST files are written. */
  Path directory(String load) {
    return root.resolve(load);
  }

  /**
   * Writes the record, synced: from here on the load happens, crash or not. When the write fails,
   * takes the record back (a failed synced write may still have reached the log); when that fails
   * too, {@link #uncertain()} says so, and the files must stay for the next open.
   */
  void commit(Record record) {
    hook.reached(Step.FILES_SYNCED);
    try (WriteOptions sync = new WriteOptions().setSync(true)) {
      try {
        database.db.put(database.meta, sync, KEY, record.toBytes());
      } catch (RocksDBException e) {
        StoreException failure = new StoreException("cannot write the bulk-load journal, nothing was loaded: "
            + e.getMessage(), e);
        try {
          database.db.delete(database.meta, sync, KEY);
        } catch (RocksDBException again) {
          uncertain = true;
          failure.addSuppressed(again);
        }
        throw failure;
      }
    }
  }

  /** Whether a failed {@link #commit} may have left its record: then the next open completes the load. */
  boolean uncertain() {
    return uncertain;
  }

  /** Ingests the record's files, sets its counters, deletes the record and the files. */
  void complete(Record record) {
    hook.reached(Step.JOURNAL_WRITTEN);
    Path directory = directory(record.load());
    Path links = directory.resolve("ingest");
    try (IngestExternalFileOptions ingest = new IngestExternalFileOptions().setMoveFiles(true)) {
      recreate(links);
      for (Map.Entry<String, String> file : record.files().entrySet()) {
        ColumnFamilyHandle family = database.columnFamilies.get(file.getKey());
        if (family == null) {
          throw new StoreException("corrupt store: the bulk-load journal names an unknown column family " + file.getKey());
        }
        // RocksDB moves (hard-links, then unlinks) what it ingests: a link of our own is what it
        // takes, so the file itself stays until the load is complete, for a replay after a crash.
        Path link = links.resolve(file.getValue());
        Files.deleteIfExists(link);
        Files.createLink(link, directory.resolve(file.getValue()));
        database.db.ingestExternalFile(family, List.of(link.toString()), ingest);
        hook.reached(Step.ONE_FAMILY_INGESTED);
      }
      hook.reached(Step.ALL_INGESTED);
      writeCounters(record);
      hook.reached(Step.COUNTERS_WRITTEN);
    } catch (RocksDBException e) {
      throw new StoreException("ingesting the files of bulk load " + record.load() + " failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("linking the files of bulk load " + record.load() + " failed: " + e.getMessage(), e);
    }
    deleteRecursively(directory);
  }

  private void writeCounters(Record record) throws RocksDBException {
    try (WriteBatch batch = new WriteBatch(); WriteOptions sync = new WriteOptions().setSync(true)) {
      batch.put(database.meta, Dictionary.TRIPLE_COUNT_KEY, Dictionary.toBytes(record.tripleCount()));
      batch.put(database.meta, Dictionary.NAMED_QUAD_COUNT_KEY, Dictionary.toBytes(record.namedQuadCount()));
      batch.put(database.meta, Dictionary.NEXT_TERM_ID_KEY, Dictionary.toBytes(record.nextTermId()));
      for (Map.Entry<Long, Long> graph : record.graphCounts().entrySet()) {
        batch.put(database.graphs, Dictionary.toBytes(graph.getKey()), Dictionary.toBytes(graph.getValue()));
      }
      batch.delete(database.meta, KEY);
      database.db.write(sync, batch);
    }
  }

  /**
   * On open: completes a committed load, deletes what an uncommitted one left; returns the load it
   * completed, or null.
   */
  Record recover() {
    byte[] stored;
    try {
      stored = database.db.get(database.meta, KEY);
    } catch (RocksDBException e) {
      throw new StoreException("cannot read the bulk-load journal: " + e.getMessage(), e);
    }
    Record record = stored == null ? null : Record.fromBytes(stored);
    if (record != null) {
      complete(record);
    }
    deleteRecursively(root);
    return record;
  }

  /** Deletes what this load wrote, when it fails before its commit point. */
  void discard(String load) {
    deleteRecursively(directory(load));
  }

  private static void recreate(Path directory) throws IOException {
    deleteRecursively(directory);
    Files.createDirectories(directory);
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }
}
