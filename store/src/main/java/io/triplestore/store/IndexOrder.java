package io.triplestore.store;

import java.nio.ByteBuffer;

/**
 * The three triple indexes. Each key is three 8-byte big-endian term ids in the index's order, so
 * every pattern with a bound position is a prefix scan of one of them.
 */
enum IndexOrder {
  SPO("spo"),
  POS("pos"),
  OSP("osp");

  static final int KEY_LENGTH = 24;

  private final String columnFamily;

  IndexOrder(String columnFamily) {
    this.columnFamily = columnFamily;
  }

  String columnFamily() {
    return columnFamily;
  }

  /** The key of triple (s, p, o) in this index. */
  byte[] key(long s, long p, long o) {
    ByteBuffer key = ByteBuffer.allocate(KEY_LENGTH);
    switch (this) {
      case SPO -> key.putLong(s).putLong(p).putLong(o);
      case POS -> key.putLong(p).putLong(o).putLong(s);
      case OSP -> key.putLong(o).putLong(s).putLong(p);
    }
    return key.array();
  }

  /** The triple ids (s, p, o) of a key of this index. */
  long[] triple(byte[] key) {
    ByteBuffer buffer = ByteBuffer.wrap(key);
    long first = buffer.getLong();
    long second = buffer.getLong();
    long third = buffer.getLong();
    return switch (this) {
      case SPO -> new long[] {first, second, third};
      case POS -> new long[] {third, first, second};
      case OSP -> new long[] {second, third, first};
    };
  }
}
