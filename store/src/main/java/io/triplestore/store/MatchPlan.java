package io.triplestore.store;

import java.nio.ByteBuffer;

/**
 * Which index answers a pattern, and the key prefix to scan: the bound positions always form a
 * prefix of one index order, so no match needs filtering.
 *
 * <pre>
 *   bound      index  prefix
 *   none       spo    (whole index)
 *   s          spo    s        s,p   spo  s p     s,p,o  spo  s p o
 *   p          pos    p        p,o   pos  p o
 *   o          osp    o        s,o   osp  o s
 * </pre>
 *
 * @param index the index to scan
 * @param lower the first key (the bound ids), or {@code null} to scan everything
 * @param upper the key after the last match, or {@code null}
 */
record MatchPlan(IndexOrder index, byte[] lower, byte[] upper) {

  /** The plan for the given ids, {@link Dictionary#NONE} meaning unbound. */
  static MatchPlan of(long s, long p, long o) {
    boolean hasS = s != Dictionary.NONE;
    boolean hasP = p != Dictionary.NONE;
    boolean hasO = o != Dictionary.NONE;
    if (hasS) {
      if (hasO && !hasP) {
        return prefix(IndexOrder.OSP, o, s);
      }
      return hasP ? (hasO ? prefix(IndexOrder.SPO, s, p, o) : prefix(IndexOrder.SPO, s, p)) : prefix(IndexOrder.SPO, s);
    }
    if (hasP) {
      return hasO ? prefix(IndexOrder.POS, p, o) : prefix(IndexOrder.POS, p);
    }
    return hasO ? prefix(IndexOrder.OSP, o) : new MatchPlan(IndexOrder.SPO, null, null);
  }

  private static MatchPlan prefix(IndexOrder index, long... ids) {
    ByteBuffer lower = ByteBuffer.allocate(ids.length * Long.BYTES);
    ByteBuffer upper = ByteBuffer.allocate(ids.length * Long.BYTES);
    for (int i = 0; i < ids.length; i++) {
      lower.putLong(ids[i]);
      // Ids are positive and below Long.MAX_VALUE, so the last one + 1 is the exclusive end.
      upper.putLong(i == ids.length - 1 ? ids[i] + 1 : ids[i]);
    }
    return new MatchPlan(index, lower.array(), upper.array());
  }
}
