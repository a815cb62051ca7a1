package io.triplestore.store;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The quad indexes, one column family each. A key is the quad's term ids, 8 bytes big-endian each,
 * in the index's order; every quad pattern's bound positions form a prefix of one of them.
 *
 * <p>The default graph has three indexes of 24-byte keys (no graph id): {@code spo}, {@code pos},
 * {@code osp}, the very column families and keys of the triple store of format 1, which is why a
 * directory of format 1 upgrades without rewriting a key. The named graphs have six of 32-byte
 * keys: three led by the triple's positions with the graph last (for patterns over every named
 * graph) and three led by the graph (for patterns in one graph). As Oxigraph does, and for the same
 * reasons: a default-graph quad costs three keys, not six, and "default graph only" and "every
 * named graph" need no filter.
 */
enum IndexOrder {
  SPO("spo", Position.S, Position.P, Position.O),
  POS("pos", Position.P, Position.O, Position.S),
  OSP("osp", Position.O, Position.S, Position.P),
  SPOG("spog", Position.S, Position.P, Position.O, Position.G),
  POSG("posg", Position.P, Position.O, Position.S, Position.G),
  OSPG("ospg", Position.O, Position.S, Position.P, Position.G),
  GSPO("gspo", Position.G, Position.S, Position.P, Position.O),
  GPOS("gpos", Position.G, Position.P, Position.O, Position.S),
  GOSP("gosp", Position.G, Position.O, Position.S, Position.P);

  /** The default graph's indexes; {@link #SPO} is the one the others are checked against. */
  static final List<IndexOrder> DEFAULT_GRAPH = List.of(SPO, POS, OSP);
  /** The named graphs' indexes; {@link #GSPO} is the one the others are checked against. */
  static final List<IndexOrder> NAMED_GRAPHS = List.of(GSPO, GPOS, GOSP, SPOG, POSG, OSPG);

  /** A position of a quad, as an index into the {@code long[4]} of its ids. */
  enum Position {
    S, P, O, G
  }

  private final String columnFamily;
  private final Position[] order;

  IndexOrder(String columnFamily, Position... order) {
    this.columnFamily = columnFamily;
    this.order = order;
  }

  String columnFamily() {
    return columnFamily;
  }

  /** Whether this is one of the named graphs' indexes (keys with a graph id). */
  boolean named() {
    return order.length == 4;
  }

  int keyLength() {
    return order.length * Long.BYTES;
  }

  /** The position at {@code rank} of this index's order (0 first). */
  Position position(int rank) {
    return order[rank];
  }

  /** The key of quad (s, p, o, g) in this index; {@code g} is ignored by the default graph's. */
  byte[] key(long s, long p, long o, long g) {
    ByteBuffer key = ByteBuffer.allocate(keyLength());
    for (Position position : order) {
      key.putLong(switch (position) {
        case S -> s;
        case P -> p;
        case O -> o;
        case G -> g;
      });
    }
    return key.array();
  }

  /** The key of {@code ids} ({@code {s, p, o, g}}) in this index. */
  byte[] key(long[] ids) {
    return key(ids[0], ids[1], ids[2], ids[3]);
  }

  /**
   * The quad ids {@code {s, p, o, g}} of a key of this index; {@code g} is {@link Dictionary#NONE}
   * (the default graph) for the default graph's indexes.
   */
  long[] quad(byte[] key) {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    long[] ids = new long[4];
    for (Position position : order) {
      ids[position.ordinal()] = buffer.getLong();
    }
    return ids;
  }

  /** The index whose column family is {@code name}, or null. */
  static IndexOrder ofColumnFamily(String name) {
    for (IndexOrder index : values()) {
      if (index.columnFamily.equals(name)) {
        return index;
      }
    }
    return null;
  }
}
