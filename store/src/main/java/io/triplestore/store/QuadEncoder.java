package io.triplestore.store;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The encoding step of an SST bulk load: gives each term an id (a term of the store keeps its id;
 * a new one gets the allocator's next), writes the new terms to the {@code id2str} SST file as
 * they come (ids ascend, so that file needs no sorting) and hands the {@code str2id} entries and
 * the nine indexes' keys to one {@link ExternalSorter} each. A quad the store already holds is
 * left out (a point read of the primary index, only for quads whose terms are all older than the
 * load); duplicates within the load are dropped later, by the merge.
 *
 * <p>Heap: the sorters' buffers are spilled as sorted runs, on the spill executor, once they hold
 * {@code runBufferBytes}; the next buffers fill meanwhile, so at most twice that is buffered. The
 * term map holds up to {@code termMapMax} terms of this load. When it is full, the terms it holds
 * are written to the dictionary at once (one synced batch, with {@code next-term-id}), the map is
 * emptied, and later occurrences are looked up in {@code str2id}. Such terms stay in the
 * dictionary if the load then fails: unused terms, which the store allows (an id is never reused
 * and a term may outlive its quads), never a quad.
 *
 * <p>Concurrency: confined to the loading thread, apart from the spills it hands to the executor
 * (each spill owns the buffer it was handed).
 */
final class QuadEncoder {

  private final StoreDatabase database;
  private final ExecutorService spills;
  private final long runBufferBytes;
  private final int termMapMax;
  private final long firstNewId;
  private final boolean storeHasQuads;
  private boolean lookUpTerms;
  private long nextId;
  private final Map<Term, Long> ids = new HashMap<>();
  private final ExternalSorter str2id;
  private final Map<IndexOrder, ExternalSorter> indexes = new EnumMap<>(IndexOrder.class);
  private final SstFile id2str;
  private final List<Future<?>> spilling = new ArrayList<>();
  private long bufferedBytes;
  private long inputQuads;
  private long existingQuads;

  QuadEncoder(StoreDatabase database, Path directory, ExecutorService spills, long runBufferBytes, int termMapMax,
      long nextTermId, boolean storeHasQuads) {
    this.database = database;
    this.spills = spills;
    this.runBufferBytes = runBufferBytes;
    this.termMapMax = termMapMax;
    this.firstNewId = nextTermId;
    this.nextId = nextTermId;
    this.storeHasQuads = storeHasQuads;
    // Ids below the allocator's are taken: by terms in str2id (or by terms that a crash took away
    // before a flush, which need no lookup). An empty dictionary needs no lookups at all.
    this.lookUpTerms = nextTermId > 1;
    this.str2id = new ExternalSorter(directory, StoreDatabase.STR2ID, Long.BYTES);
    for (IndexOrder index : IndexOrder.values()) {
      indexes.put(index, new ExternalSorter(directory, index.columnFamily(), 0));
    }
    this.id2str = new SstFile(StoreDatabase.ID2STR, directory.resolve(StoreDatabase.ID2STR + ".sst"));
  }

  void add(Quad quad) {
    inputQuads++;
    long s = id(quad.subject());
    long p = id(quad.predicate());
    long o = id(quad.object());
    long g = quad.graph() == null ? Dictionary.NONE : id(quad.graph());
    List<IndexOrder> orders = g == Dictionary.NONE ? IndexOrder.DEFAULT_GRAPH : IndexOrder.NAMED_GRAPHS;
    if (storeHasQuads && s < firstNewId && p < firstNewId && o < firstNewId && g < firstNewId
        && stored(orders.get(0), orders.get(0).key(s, p, o, g))) {
      existingQuads++;
      return;
    }
    for (IndexOrder index : orders) {
      byte[] key = index.key(s, p, o, g);
      indexes.get(index).add(key);
      bufferedBytes += key.length + ExternalSorter.ENTRY_OVERHEAD;
    }
    if (bufferedBytes >= runBufferBytes) {
      spill();
    }
  }

  private long id(Term term) {
    Long known = ids.get(term);
    if (known != null) {
      return known;
    }
    byte[] bytes = TermCodec.encode(term);
    long id = lookUpTerms ? storedId(bytes) : Dictionary.NONE;
    if (id == Dictionary.NONE) {
      id = nextId++;
      byte[] idBytes = Dictionary.toBytes(id);
      id2str.put(idBytes, bytes);
      str2id.add(ByteBuffer.allocate(bytes.length + Long.BYTES).put(bytes).put(idBytes).array());
      bufferedBytes += bytes.length + Long.BYTES + ExternalSorter.ENTRY_OVERHEAD;
    }
    if (ids.size() >= termMapMax) {
      commitTermsEarly();
    }
    ids.put(term, id);
    return id;
  }

  /** The term map is full: its new terms go to the dictionary now, and are looked up from here on. */
  private void commitTermsEarly() {
    try (WriteBatch batch = new WriteBatch(); WriteOptions sync = new WriteOptions().setSync(true)) {
      for (Map.Entry<Term, Long> entry : ids.entrySet()) {
        if (entry.getValue() >= firstNewId) {
          byte[] bytes = TermCodec.encode(entry.getKey());
          byte[] idBytes = Dictionary.toBytes(entry.getValue());
          batch.put(database.str2id, bytes, idBytes);
          batch.put(database.id2str, idBytes, bytes);
        }
      }
      // In the same batch: an id on disk is never handed out again, whatever happens next.
      batch.put(database.meta, Dictionary.NEXT_TERM_ID_KEY, Dictionary.toBytes(nextId));
      database.db.write(sync, batch);
    } catch (RocksDBException e) {
      throw new StoreException("cannot write the terms of the bulk load: " + e.getMessage(), e);
    }
    ids.clear();
    lookUpTerms = true;
  }

  private long storedId(byte[] termBytes) {
    try {
      byte[] id = database.db.get(database.str2id, termBytes);
      return id == null ? Dictionary.NONE : Dictionary.toLong(id);
    } catch (RocksDBException e) {
      throw new StoreException("cannot read the dictionary: " + e.getMessage(), e);
    }
  }

  private boolean stored(IndexOrder primary, byte[] key) {
    try {
      return database.db.get(database.index(primary), key) != null;
    } catch (RocksDBException e) {
      throw new StoreException("cannot read the " + primary.columnFamily() + " index: " + e.getMessage(), e);
    }
  }

  /** Hands every buffer to the spill executor, after the previous spill has finished. */
  private void spill() {
    awaitSpills();
    for (ExternalSorter sorter : sorters()) {
      if (sorter.buffered() > 0) {
        byte[][] entries = sorter.takeBuffer();
        spilling.add(spills.submit(() -> sorter.spill(entries)));
      }
    }
    bufferedBytes = 0;
  }

  /** Waits for the spills in flight; rethrows the first failure. */
  void awaitSpills() {
    try {
      for (Future<?> spill : spilling) {
        spill.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while sorting the bulk load", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new StoreException("sorting the bulk load failed: " + e.getCause(), e.getCause());
    } finally {
      spilling.clear();
    }
  }

  /** The sorters: {@code str2id} first, then the indexes in {@link IndexOrder} order. */
  List<ExternalSorter> sorters() {
    List<ExternalSorter> all = new ArrayList<>();
    all.add(str2id);
    all.addAll(indexes.values());
    return all;
  }

  ExternalSorter sorter(IndexOrder index) {
    return indexes.get(index);
  }

  ExternalSorter str2idSorter() {
    return str2id;
  }

  /** The {@code id2str} file, unfinished; empty when the load brought no new term. */
  SstFile id2str() {
    return id2str;
  }

  long nextTermId() {
    return nextId;
  }

  long inputQuads() {
    return inputQuads;
  }

  long existingQuads() {
    return existingQuads;
  }
}
