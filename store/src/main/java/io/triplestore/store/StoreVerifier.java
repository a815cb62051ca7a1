package io.triplestore.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The full consistency check behind {@link TripleStore#verify()}, at one consistent state (a
 * lease): the dictionary is a bijection ({@code str2id} and {@code id2str} are each other's
 * inverse, so no id maps to two terms and no term to two ids), every term decodes, every id is
 * below the allocator's next id; every index entry has its counterpart in the other indexes of its
 * family (the default graph's three, the named graphs' six) and uses only ids of the dictionary;
 * the indexes of a family have one size, which its counter holds; every named graph's counter
 * holds its quads, and only graphs with quads have one.
 *
 * <p>Cost: one scan of every column family plus two or five point reads per quad; the ids of the
 * dictionary are kept in a bit set (one bit per id up to the highest).
 *
 * <p>Concurrency: one instance per verification, confined to the calling thread.
 */
final class StoreVerifier {

  private final StoreDatabase database;
  private final KeyReader reader;
  private final BitSet termIds = new BitSet();
  private final List<String> violations = new ArrayList<>();
  private long violationCount;

  StoreVerifier(StoreDatabase database, KeyReader reader) {
    this.database = database;
    this.reader = reader;
  }

  VerificationReport verify() {
    long nextTermId = counter(Dictionary.NEXT_TERM_ID_KEY);
    long terms = checkIdToTerm(nextTermId);
    checkTermToId();
    Map<IndexOrder, Long> sizes = new EnumMap<>(IndexOrder.class);
    for (IndexOrder index : IndexOrder.values()) {
      sizes.put(index, checkIndex(index));
    }
    long defaultGraph = checkFamily(IndexOrder.DEFAULT_GRAPH, sizes, Dictionary.TRIPLE_COUNT_KEY, "default graph");
    long named = checkFamily(IndexOrder.NAMED_GRAPHS, sizes, Dictionary.NAMED_QUAD_COUNT_KEY, "named graph");
    checkGraphCounts();
    return new VerificationReport(defaultGraph + named, terms, violationCount, violations);
  }

  /** The indexes of one family have one size, which its counter holds; returns it. */
  private long checkFamily(List<IndexOrder> family, Map<IndexOrder, Long> sizes, byte[] counterKey, String what) {
    IndexOrder primary = family.get(0);
    long quads = sizes.get(primary);
    for (IndexOrder index : family) {
      if (sizes.get(index) != quads) {
        violation("index " + index.columnFamily() + " has " + sizes.get(index) + " entries, " + primary.columnFamily()
            + " has " + quads);
      }
    }
    long counted = counter(counterKey);
    if (counted != quads) {
      violation("the " + what + " counter says " + counted + ", the " + primary.columnFamily() + " index holds " + quads);
    }
    return quads;
  }

  /**
   * Every named graph's counter equals its quads in {@code gspo} (which holds each graph's quads
   * together, the graph id leading), and no graph without quads has a counter.
   */
  private void checkGraphCounts() {
    Map<Long, Long> actual = new java.util.TreeMap<>();
    try (KeyReader.KeyCursor cursor = reader.scan(database.index(IndexOrder.GSPO), null, null)) {
      for (; cursor.isValid(); cursor.next()) {
        if (cursor.key().length == IndexOrder.GSPO.keyLength()) {
          actual.merge(IndexOrder.GSPO.quad(cursor.key())[3], 1L, Long::sum);
        }
      }
    }
    try (KeyReader.KeyCursor cursor = reader.scan(database.graphs, null, null)) {
      for (; cursor.isValid(); cursor.next()) {
        if (cursor.key().length != Long.BYTES || cursor.value().length != Long.BYTES) {
          violation("graphs entry of " + cursor.key().length + " and " + cursor.value().length + " bytes (expected 8 and 8)");
          continue;
        }
        long graph = Dictionary.toLong(cursor.key());
        long counted = Dictionary.toLong(cursor.value());
        Long held = actual.remove(graph);
        if (held == null || held != counted) {
          violation("graph " + graph + " is counted as holding " + counted + " quads, gspo holds " + (held == null ? 0 : held));
        }
      }
    }
    actual.forEach((graph, held) -> violation("graph " + graph + " holds " + held + " quads in gspo but has no counter"));
  }

  /** Every id maps to a term that decodes and maps back to it; returns the number of ids. */
  private long checkIdToTerm(long nextTermId) {
    long terms = 0;
    try (KeyReader.KeyCursor cursor = reader.scan(database.id2str, null, null)) {
      for (; cursor.isValid(); cursor.next()) {
        terms++;
        byte[] key = cursor.key();
        if (key.length != Long.BYTES) {
          violation("id2str key of " + key.length + " bytes (expected 8): " + Arrays.toString(key));
          continue;
        }
        long id = Dictionary.toLong(key);
        byte[] term = cursor.value();
        if (id <= 0 || id >= nextTermId) {
          violation("term id " + id + " is outside the allocated range 1.." + (nextTermId - 1)
              + " (next-term-id " + nextTermId + "): it could be handed out again");
        }
        if (id > 0 && id <= Integer.MAX_VALUE) {
          termIds.set((int) id);
        }
        String text = describe(term);
        byte[] back = reader.get(database.str2id, term);
        if (back == null) {
          violation("term id " + id + " maps to " + text + ", which maps to no id");
        } else if (Dictionary.toLong(back) != id) {
          violation("term id " + id + " maps to " + text + ", which maps to id " + Dictionary.toLong(back)
              + ": two ids for one term");
        }
      }
    }
    return terms;
  }

  /** Every term maps to an id that maps back to it. */
  private void checkTermToId() {
    try (KeyReader.KeyCursor cursor = reader.scan(database.str2id, null, null)) {
      for (; cursor.isValid(); cursor.next()) {
        byte[] term = cursor.key();
        byte[] idBytes = cursor.value();
        if (idBytes.length != Long.BYTES) {
          violation("str2id value of " + idBytes.length + " bytes for " + describe(term));
          continue;
        }
        long id = Dictionary.toLong(idBytes);
        byte[] back = reader.get(database.id2str, idBytes);
        if (back == null) {
          violation(describe(term) + " maps to id " + id + ", which maps to no term");
        } else if (!Arrays.equals(back, term)) {
          violation(describe(term) + " maps to id " + id + ", which maps to " + describe(back)
              + ": two terms for one id");
        }
      }
    }
  }

  /** Every entry of {@code index} has its counterparts and known ids; returns the entry count. */
  private long checkIndex(IndexOrder index) {
    long entries = 0;
    try (KeyReader.KeyCursor cursor = reader.scan(database.index(index), null, null)) {
      for (; cursor.isValid(); cursor.next()) {
        entries++;
        byte[] key = cursor.key();
        if (key.length != index.keyLength()) {
          violation(index.columnFamily() + " key of " + key.length + " bytes (expected " + index.keyLength() + ")");
          continue;
        }
        long[] quad = index.quad(key);
        String entry = Arrays.toString(index.named() ? quad : Arrays.copyOf(quad, 3));
        for (int position = 0; position < (index.named() ? 4 : 3); position++) {
          if (!isTerm(quad[position])) {
            violation(index.columnFamily() + " entry " + entry + " uses term id " + quad[position]
                + ", which is not in the dictionary");
          }
        }
        List<IndexOrder> family = index.named() ? IndexOrder.NAMED_GRAPHS : IndexOrder.DEFAULT_GRAPH;
        IndexOrder primary = family.get(0);
        for (IndexOrder other : family) {
          // The primary is checked against the others; those only against the primary (the rest follows).
          boolean compare = index == primary ? other != index : other == primary;
          if (compare && reader.get(database.index(other), other.key(quad)) == null) {
            violation(index.columnFamily() + " entry " + entry + " is missing from "
                + other.columnFamily());
          }
        }
      }
    }
    return entries;
  }

  private boolean isTerm(long id) {
    if (id > 0 && id <= Integer.MAX_VALUE) {
      return termIds.get((int) id);
    }
    return id > 0 && reader.get(database.id2str, Dictionary.toBytes(id)) != null;
  }

  private long counter(byte[] key) {
    byte[] value = reader.get(database.meta, key);
    if (value == null) {
      return 0;
    }
    if (value.length != Long.BYTES) {
      violation("counter " + new String(key, java.nio.charset.StandardCharsets.US_ASCII) + " has " + value.length
          + " bytes (expected 8)");
      return 0;
    }
    return Dictionary.toLong(value);
  }

  private String describe(byte[] term) {
    try {
      return TermCodec.decode(term).toNTriples();
    } catch (RuntimeException e) {
      violation("a dictionary entry does not decode (" + e.getMessage() + "): " + Arrays.toString(term));
      return Arrays.toString(term);
    }
  }

  private void violation(String description) {
    violationCount++;
    if (violations.size() < VerificationReport.VIOLATIONS_LISTED) {
      violations.add(description);
    }
  }
}
