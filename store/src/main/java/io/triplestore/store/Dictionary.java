package io.triplestore.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.rocksdb.RocksIterator;

/**
 * The term dictionary: {@code str2id} maps a term's bytes to its 8-byte id, {@code id2str} the
 * reverse. Ids start at 1 and are never reused; terms stay in the dictionary after their last
 * triple is removed, so an id never changes meaning.
 *
 * <p>Two caches, one per direction, serve reads at the latest state and at any lease alike. Only
 * mappings read from the database enter them, so only committed ones. {@link TripleWriter} writes
 * a new term's {@code str2id} and {@code id2str} entries in the same atomic batch as the first
 * index entries that use its id; a committed id is never handed out again (not even after a crash)
 * and a committed mapping is never removed. So a mapping is the same at every state that has it,
 * and at a lease L:
 *
 * <ul>
 *   <li>id to term: an id found in an index at L was committed by L, with its term, which is the
 *       term the cache holds for it.
 *   <li>term to id, term present at L: its id now is its id at L; the cache answers it.
 *   <li>term to id, term absent at L but committed since (so perhaps cached, with id N): N entered
 *       the database in that later batch, so no index entry visible at L contains N, and the scan
 *       at L for N finds nothing: the answer for an unknown term.
 * </ul>
 *
 * <p>A miss reads through the reader it was given, so at a lease through the lease itself: a miss
 * at a released lease throws. A read at a lease that the caches answer entirely still scans an
 * index through the lease, which throws there (only a match with limit 0, which reads nothing,
 * returns before its scan). An unknown term is never cached, since it may be added at any moment,
 * so "no such term" is always the reader's own answer.
 *
 * <p>Concurrency: shared by every reader and the writer; the caches are Caffeine caches, safe for
 * concurrent use, and everything else is final.
 */
final class Dictionary {

  /** The id of an unbound position, and the answer of {@link #lookup} for an unknown term. */
  static final long NONE = 0;

  /** Quads in the default graph (named so since format 1, when the default graph was the store). */
  static final byte[] TRIPLE_COUNT_KEY = "triple-count".getBytes(StandardCharsets.US_ASCII);
  /** Quads in all named graphs together. */
  static final byte[] NAMED_QUAD_COUNT_KEY = "named-quad-count".getBytes(StandardCharsets.US_ASCII);
  static final byte[] NEXT_TERM_ID_KEY = "next-term-id".getBytes(StandardCharsets.US_ASCII);

  private final StoreDatabase database;
  private final Cache<Long, Term> terms;
  private final Cache<Term, Long> ids;

  Dictionary(StoreDatabase database, int cacheSize) {
    this.database = database;
    this.terms = Caffeine.newBuilder().maximumSize(cacheSize).build();
    this.ids = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  /** The id of {@code term}, or {@link #NONE} when {@code reader} does not see it. */
  long lookup(KeyReader reader, Term term) {
    Long cached = ids.getIfPresent(term);
    if (cached != null) {
      return cached;
    }
    long id = read(reader, term);
    if (id != NONE) {
      // Only ids that exist: an unknown term may be added at any moment.
      ids.put(term, id);
    }
    return id;
  }

  private long read(KeyReader reader, Term term) {
    byte[] id = reader.get(database.str2id, TermCodec.encode(term));
    return id == null ? NONE : toLong(id);
  }

  /** The term with id {@code id}; every id in an index that {@code reader} sees has one. */
  Term term(KeyReader reader, long id) {
    return terms.get(id, key -> read(reader, key));
  }

  private Term read(KeyReader reader, long id) {
    byte[] bytes = reader.get(database.id2str, toBytes(id));
    if (bytes == null) {
      throw new StoreException("corrupt store: term id " + id + " is in an index but not in the dictionary");
    }
    return TermCodec.decode(bytes);
  }

  /** The highest id in {@code id2str} (ids are big-endian, so the last key), 0 when empty. */
  long highestTermId() {
    try (RocksIterator ids = database.db.newIterator(database.id2str)) {
      ids.seekToLast();
      return ids.isValid() ? toLong(ids.key()) : NONE;
    }
  }

  /** A counter from the {@code meta} column family; 0 when never written. */
  long counter(KeyReader reader, byte[] key) {
    byte[] value = reader.get(database.meta, key);
    return value == null ? 0 : toLong(value);
  }

  static byte[] toBytes(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  static long toLong(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }
}
