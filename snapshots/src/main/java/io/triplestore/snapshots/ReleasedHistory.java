package io.triplestore.snapshots;

/**
 * The release reasons of the most recently released leases, in a ring, so that a late reader can
 * be told why its lease is gone (HTTP answers 410 with the reason). Lookups scan the ring: they are
 * rare (a read at a released lease), and the ring is small.
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class ReleasedHistory {

  private static final ReleaseReason[] REASONS = ReleaseReason.values();

  private final long[] ids;
  private final byte[] reasons;
  private int next;
  private int size;

  ReleasedHistory(int capacity) {
    this.ids = new long[capacity];
    this.reasons = new byte[capacity];
  }

  void add(long id, ReleaseReason reason) {
    if (ids.length == 0) {
      return;
    }
    ids[next] = id;
    reasons[next] = (byte) reason.ordinal();
    // A compare, not a %: this runs on every release, and an integer division costs more than it.
    next = next + 1 == ids.length ? 0 : next + 1;
    size = Math.min(size + 1, ids.length);
  }

  /** The reason lease {@code id} was released, or {@code null} when it is no longer remembered. */
  ReleaseReason reasonOf(long id) {
    for (int n = 0, i = next; n < size; n++) {
      i = (i - 1 + ids.length) % ids.length;
      if (ids[i] == id) {
        return REASONS[reasons[i]];
      }
    }
    return null;
  }
}
