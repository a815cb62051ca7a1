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
 * <p>That is what makes caching safe: a committed mapping never changes, and only mappings read
 * back from the database (so committed) enter the caches. Reads at the latest state use them;
 * reads at a lease always read through the lease.
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

  /** The id of {@code term}, or {@link #NONE} when it is not in the dictionary. */
  long lookup(KeyReader reader, Term term) {
    if (!reader.readsLatest()) {
      return read(reader, term);
    }
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

  /** The term with id {@code id}; every id in an index has one. */
  Term term(KeyReader reader, long id) {
    return reader.readsLatest() ? terms.get(id, key -> read(reader, key)) : read(reader, id);
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
