package io.triplestore.store;

import org.rocksdb.ColumnFamilyHandle;

/**
 * Reads keys either at the latest state or at a lease; every read of a match that reaches the
 * database goes through one, so the whole match (index scan and dictionary lookups) sees one
 * consistent state. The term caches may answer a dictionary lookup instead: their mappings are the
 * same at every state that has them (see {@link Dictionary}).
 */
interface KeyReader {

  /** The value of {@code key}, or {@code null} when absent. */
  byte[] get(ColumnFamilyHandle columnFamily, byte[] key);

  /**
   * A cursor over keys from {@code lower} (inclusive) to {@code upper} (exclusive), positioned at
   * the first; either bound may be {@code null}.
   */
  KeyCursor scan(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper);

  /**
   * A cursor over the keys of {@code plan} in {@code columnFamily}: a point read when the plan binds
   * every position of its index (one key or none: a join's "is this quad there?"), which costs a
   * fraction of opening, seeking and closing a native iterator; otherwise a {@link #scan}.
   */
  default KeyCursor cursor(ColumnFamilyHandle columnFamily, MatchPlan plan) {
    if (plan.isPointLookup()) {
      byte[] value = get(columnFamily, plan.lower());
      return new PointCursor(plan.lower(), value);
    }
    return scan(columnFamily, plan.lower(), plan.upper());
  }

  /** A forward cursor over keys; the caller closes it. */
  interface KeyCursor extends AutoCloseable {
    boolean isValid();

    byte[] key();

    byte[] value();

    void next();

    @Override
    void close();
  }

  /** The one key a point read found, or nothing when {@code value} is {@code null}. */
  final class PointCursor implements KeyCursor {
    private final byte[] key;
    private final byte[] value;
    private boolean valid;

    PointCursor(byte[] key, byte[] value) {
      this.key = key;
      this.value = value;
      this.valid = value != null;
    }

    @Override
    public boolean isValid() {
      return valid;
    }

    @Override
    public byte[] key() {
      checkValid();
      return key;
    }

    @Override
    public byte[] value() {
      checkValid();
      return value;
    }

    @Override
    public void next() {
      checkValid();
      valid = false;
    }

    private void checkValid() {
      if (!valid) {
        throw new IllegalStateException("the cursor is past its key");
      }
    }

    @Override
    public void close() {
      valid = false;
    }
  }
}
