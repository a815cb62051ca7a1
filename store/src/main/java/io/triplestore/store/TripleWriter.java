package io.triplestore.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteOptions;

/**
 * The one way triples get written. A {@link StagedWrite} stages adds and removes in a
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
  /** Guarded by {@link #lock}. */
  private long tripleCount;
  /** Guarded by {@link #lock}. */
  private long nextTermId;
  /** Term to id, for committed terms and for terms of the open staged write. Guarded by lock. */
  private final Map<Term, Long> termIds;

  TripleWriter(StoreDatabase database, Dictionary dictionary, KeyReader latest, int termCacheSize) {
    this.database = database;
    this.tripleCount = dictionary.counter(latest, Dictionary.TRIPLE_COUNT_KEY);
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
    lock.lock();
    try {
      return new StagedWrite(large
          ? StagingBatch.indexed(database.db)
          : StagingBatch.overlay(database.db, Set.of(database.str2id, database.index(IndexOrder.SPO))));
    } catch (RuntimeException | Error e) {
      lock.unlock();
      throw e;
    }
  }

  /** Adds and removes staged for one atomic commit; closing without a commit discards them. */
  final class StagedWrite implements AutoCloseable {
    private final StagingBatch batch;
    private final long tripleCountAtStart = tripleCount;
    private final long nextTermIdAtStart = nextTermId;
    private long applied;
    private long noOps;
    private boolean committed;
    private boolean closed;

    private StagedWrite(StagingBatch batch) {
      this.batch = batch;
    }

    /** Stages an add; false when the triple is already there (or already staged): a no-op. */
    boolean add(Triple triple) {
      long s = idOrAssign(triple.subject());
      long p = idOrAssign(triple.predicate());
      long o = idOrAssign(triple.object());
      // A triple with a term this write introduced cannot be in the database: only the batch can
      // hold it. That spares a fresh load one database read per triple.
      boolean hasNewTerm = s >= nextTermIdAtStart || p >= nextTermIdAtStart || o >= nextTermIdAtStart;
      byte[] key = IndexOrder.SPO.key(s, p, o);
      ColumnFamilyHandle spo = database.index(IndexOrder.SPO);
      if (hasNewTerm ? batch.stagedPresent(spo, key) : batch.get(spo, key) != null) {
        noOps++;
        return false;
      }
      for (IndexOrder index : IndexOrder.values()) {
        put(database.index(index), index.key(s, p, o), new byte[0]);
      }
      tripleCount++;
      applied++;
      return true;
    }

    /** Stages a remove; false when the triple is not there: a no-op. */
    boolean remove(Triple triple) {
      long s = existingId(triple.subject());
      long p = existingId(triple.predicate());
      long o = existingId(triple.object());
      if (s == Dictionary.NONE || p == Dictionary.NONE || o == Dictionary.NONE || !exists(s, p, o)) {
        noOps++;
        return false;
      }
      for (IndexOrder index : IndexOrder.values()) {
        batch.delete(database.index(index), index.key(s, p, o));
      }
      tripleCount--;
      applied++;
      return true;
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

    private boolean exists(long s, long p, long o) {
      return read(database.index(IndexOrder.SPO), IndexOrder.SPO.key(s, p, o)) != null;
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
