package io.triplestore.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The one way quads get written. A {@link StagedWrite} stages adds and removes in a
 * {@link StagingBatch} (so a term or triple staged earlier in the same batch is seen) and commits
 * them in one atomic write, together with the triple count and the next term id.
 *
 * <p>Crash safety: the counters are in the same batch as what they count. A write without the
 * write-ahead log is flushed (atomically, every column family) before the lock is released, so no
 * later write, logged or not, can depend on a term that a crash could still take away. And the
 * next term id is never below the highest id in {@code id2str} plus one, whatever the counter
 * says, so an id that exists on disk is never handed out again.
 *
 * <p>Concurrency: an existence check and the write that depends on it must not interleave with
 * another writer, or counts and term ids would go wrong; so one staged write at a time holds
 * {@link #lock} from {@link #begin()} until it is closed. Readers never take it.
 */
final class TripleWriter {

  private final StoreDatabase database;
  private final ReentrantLock lock = new ReentrantLock();
  /** Quads in the default graph. Guarded by {@link #lock}. */
  private long tripleCount;
  /** Quads in all named graphs. Guarded by {@link #lock}. */
  private long namedQuadCount;
  /** Guarded by {@link #lock}. */
  private long nextTermId;
  /** Term to id, for committed terms and for terms of the open staged write. Guarded by lock. */
  private final Map<Term, Long> termIds;
  /** Why no write may start any more (a bulk load committed but not completed), or null. */
  private volatile String unusable;

  TripleWriter(StoreDatabase database, Dictionary dictionary, KeyReader latest, int termCacheSize) {
    this.database = database;
    this.tripleCount = dictionary.counter(latest, Dictionary.TRIPLE_COUNT_KEY);
    this.namedQuadCount = dictionary.counter(latest, Dictionary.NAMED_QUAD_COUNT_KEY);
    this.nextTermId = Math.max(dictionary.counter(latest, Dictionary.NEXT_TERM_ID_KEY),
        dictionary.highestTermId() + 1);
    this.termIds = new LinkedHashMap<>(Math.min(termCacheSize, 1 << 16), 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Term, Long> eldest) {
        return size() > termCacheSize;
      }
    };
  }

  /** The index whose key decides whether a quad of graph {@code g} exists. */
  private static IndexOrder primary(long g) {
    return g == Dictionary.NONE ? IndexOrder.SPO : IndexOrder.GSPO;
  }

  /** Every index a quad of graph {@code g} is written to. */
  private static java.util.List<IndexOrder> indexes(long g) {
    return g == Dictionary.NONE ? IndexOrder.DEFAULT_GRAPH : IndexOrder.NAMED_GRAPHS;
  }

  /**
   * Opens a staged write for a bounded number of triples, waiting for any other to finish. Close
   * it, committed or not.
   */
  StagedWrite begin() {
    return begin(false);
  }

  /** Opens a staged write that keeps what it stages off the Java heap, however much that is. */
  StagedWrite beginLarge() {
    return begin(true);
  }

  private StagedWrite begin(boolean large) {
    lockUsable();
    try {
      return new StagedWrite(large
          ? StagingBatch.indexed(database.db)
          : StagingBatch.overlay(database.db,
              Set.of(database.str2id, database.index(IndexOrder.SPO), database.index(IndexOrder.GSPO))));
    } catch (RuntimeException | Error e) {
      lock.unlock();
      throw e;
    }
  }

  private void lockUsable() {
    lock.lock();
    if (unusable != null) {
      lock.unlock();
      throw new StoreException(unusable);
    }
  }

  /**
   * Holds the writer's lock for a write that bypasses staged writes (the SST bulk load, {@link
   * SstBulkLoader}), waiting for any other write to finish. Close it to release the lock.
   */
  Exclusive exclusive() {
    lockUsable();
    return new Exclusive();
  }

  /** The writer's lock, held; the counters as this writer knows them, and a way to advance them. */
  final class Exclusive implements AutoCloseable {
    private boolean closed;

    long tripleCount() {
      return tripleCount;
    }

    long namedQuadCount() {
      return namedQuadCount;
    }

    long nextTermId() {
      return nextTermId;
    }

    /** Takes over the counters of data written behind this writer's back (durably, by then). */
    void advance(long newTripleCount, long newNamedQuadCount, long newNextTermId) {
      tripleCount = newTripleCount;
      namedQuadCount = newNamedQuadCount;
      nextTermId = Math.max(nextTermId, newNextTermId);
    }

    /**
     * Refuses every later write: what was written behind this writer's back is committed but not
     * complete, and only reopening the store completes it. A write now would compute its
     * counters from a state that reopening overwrites.
     */
    void makeUnusable(String reason) {
      unusable = reason;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        lock.unlock();
      }
    }
  }

  /** Adds and removes staged for one atomic commit; closing without a commit discards them. */
  final class StagedWrite implements AutoCloseable {
    private final StagingBatch batch;
    private final long tripleCountAtStart = tripleCount;
    private final long namedQuadCountAtStart = namedQuadCount;
    /** Named graph id to the change of its quad count in this write. */
    private final Map<Long, Long> graphChanges = new HashMap<>();
    private final long nextTermIdAtStart = nextTermId;
    private long applied;
    private long noOps;
    private boolean committed;
    private boolean closed;

    private StagedWrite(StagingBatch batch) {
      this.batch = batch;
    }

    /** Stages an add; false when the quad is already there (or already staged): a no-op. */
    boolean add(Quad quad) {
      long s = idOrAssign(quad.subject());
      long p = idOrAssign(quad.predicate());
      long o = idOrAssign(quad.object());
      long g = quad.graph() == null ? Dictionary.NONE : idOrAssign(quad.graph());
      // A quad with a term this write introduced cannot be in the database: only the batch can
      // hold it. That spares a fresh load one database read per quad.
      boolean hasNewTerm = s >= nextTermIdAtStart || p >= nextTermIdAtStart || o >= nextTermIdAtStart
          || g >= nextTermIdAtStart;
      IndexOrder primary = primary(g);
      byte[] key = primary.key(s, p, o, g);
      ColumnFamilyHandle primaryFamily = database.index(primary);
      if (hasNewTerm ? batch.stagedPresent(primaryFamily, key) : batch.get(primaryFamily, key) != null) {
        noOps++;
        return false;
      }
      for (IndexOrder index : indexes(g)) {
        put(database.index(index), index.key(s, p, o, g), new byte[0]);
      }
      counted(g, 1);
      applied++;
      return true;
    }

    /** Stages a remove; false when the quad is not there: a no-op. */
    boolean remove(Quad quad) {
      long s = existingId(quad.subject());
      long p = existingId(quad.predicate());
      long o = existingId(quad.object());
      long g = quad.graph() == null ? Dictionary.NONE : existingId(quad.graph());
      if (s == Dictionary.NONE || p == Dictionary.NONE || o == Dictionary.NONE
          || (quad.graph() != null && g == Dictionary.NONE)
          || read(database.index(primary(g)), primary(g).key(s, p, o, g)) == null) {
        noOps++;
        return false;
      }
      removeStored(s, p, o, g);
      return true;
    }

    /** Stages the remove of a quad known to be stored (read under this write's lock). */
    void removeStored(long s, long p, long o, long g) {
      for (IndexOrder index : indexes(g)) {
        batch.delete(database.index(index), index.key(s, p, o, g));
      }
      counted(g, -1);
      applied++;
    }

    private void counted(long graph, long change) {
      if (graph == Dictionary.NONE) {
        tripleCount += change;
      } else {
        namedQuadCount += change;
        graphChanges.merge(graph, change, Long::sum);
      }
    }

    /** Adds and removes staged so far, applied or not. */
    long staged() {
      return applied + noOps;
    }

    ChangeResult result() {
      return new ChangeResult(applied, noOps);
    }

    /**
     * Writes everything staged, with the counters, in one atomic batch. Without the write-ahead
     * log, also flushes every column family before returning (and before any other write can
     * start), so that what returned survives a crash.
     *
     * @throws StoreException when the write failed (nothing applied), or when the flush after a
     *     write without the log failed (applied, but not known to be on disk)
     */
    ChangeResult commit(WriteOptions writeOptions) {
      if (committed || closed) {
        throw new IllegalStateException("this staged write has already been committed or closed");
      }
      put(database.meta, Dictionary.TRIPLE_COUNT_KEY, Dictionary.toBytes(tripleCount));
      put(database.meta, Dictionary.NAMED_QUAD_COUNT_KEY, Dictionary.toBytes(namedQuadCount));
      for (Map.Entry<Long, Long> change : graphChanges.entrySet()) {
        stageGraphCount(change.getKey(), change.getValue());
      }
      put(database.meta, Dictionary.NEXT_TERM_ID_KEY, Dictionary.toBytes(nextTermId));
      try {
        batch.write(writeOptions);
      } catch (RocksDBException e) {
        throw new StoreException("write failed, nothing of it was applied: " + e.getMessage(), e);
      }
      // Applied from here on: the counters must stay as they are even if the flush fails.
      committed = true;
      if (writeOptions.disableWAL()) {
        database.flushAll();
      }
      return result();
    }

    private long idOrAssign(Term term) {
      long id = existingId(term);
      if (id != Dictionary.NONE) {
        return id;
      }
      id = nextTermId++;
      byte[] idBytes = Dictionary.toBytes(id);
      put(database.str2id, TermCodec.encode(term), idBytes);
      put(database.id2str, idBytes, TermCodec.encode(term));
      termIds.put(term, id);
      return id;
    }

    private long existingId(Term term) {
      Long cached = termIds.get(term);
      if (cached != null) {
        return cached;
      }
      byte[] id = read(database.str2id, TermCodec.encode(term));
      if (id == null) {
        return Dictionary.NONE;
      }
      long value = Dictionary.toLong(id);
      termIds.put(term, value);
      return value;
    }

    /** The graph's new count: what is stored (under the lock, so current) plus the change. */
    private void stageGraphCount(long graph, long change) {
      byte[] key = Dictionary.toBytes(graph);
      byte[] stored = read(database.graphs, key);
      long count = (stored == null ? 0 : Dictionary.toLong(stored)) + change;
      if (count < 0) {
        throw new IllegalStateException("graph " + graph + " would hold " + count + " quads");
      }
      if (count == 0) {
        batch.delete(database.graphs, key);
      } else {
        put(database.graphs, key, Dictionary.toBytes(count));
      }
    }

    private byte[] read(ColumnFamilyHandle columnFamily, byte[] key) {
      return batch.get(columnFamily, key);
    }

    private void put(ColumnFamilyHandle columnFamily, byte[] key, byte[] value) {
      batch.put(columnFamily, key, value);
    }

    /** Ends the staged write; without a commit, discards everything it staged. */
    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      try {
        if (!committed) {
          tripleCount = tripleCountAtStart;
          namedQuadCount = namedQuadCountAtStart;
          nextTermId = nextTermIdAtStart;
          // Ids of terms staged here were never written: forget them all rather than track which.
          termIds.clear();
        }
        batch.close();
      } finally {
        lock.unlock();
      }
    }
  }
}
