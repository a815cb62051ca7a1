package io.triplestore.store;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which index answers a quad pattern, and the key prefix to scan: the bound positions always form
 * a prefix of one index order, so no match needs filtering.
 *
 * <pre>
 *   graphs          bound s,p,o   index                      prefix
 *   default graph   none          spo  (whole index)
 *                   s / sp / spo  spo                        s / s p / s p o
 *                   p / po        pos                        p / p o
 *                   o / so        osp                        o / o s
 *   one named (g)   none          gspo                       g
 *                   s / sp / spo  gspo                       g s / g s p / g s p o
 *                   p / po        gpos                       g p / g p o
 *                   o / so        gosp                       g o / g o s
 *   every named     none          gspo (whole index)
 *                   s / sp / spo  spog                       s / s p / s p o
 *                   p / po        posg                       p / p o
 *                   o / so        ospg                       o / o s
 *   every graph     the default graph's plan, then every named graph's
 * </pre>
 *
 * @param index the index to scan
 * @param lower the first key (the bound ids), or {@code null} to scan everything
 * @param upper the key after the last match, or {@code null}
 */
record MatchPlan(IndexOrder index, byte[] lower, byte[] upper) {

  private static final List<IndexOrder> ONE_NAMED = List.of(IndexOrder.GSPO, IndexOrder.GPOS, IndexOrder.GOSP);
  private static final List<IndexOrder> EVERY_NAMED =
      List.of(IndexOrder.GSPO, IndexOrder.SPOG, IndexOrder.POSG, IndexOrder.OSPG);

  /**
   * The scans for the given ids ({@link Dictionary#NONE} meaning unbound) in the selected graphs;
   * {@code graph} is the named graph's id for {@link GraphSelector.Named}, else ignored.
   */
  static List<MatchPlan> of(long s, long p, long o, GraphSelector graphs, long graph) {
    long[] ids = {s, p, o, graph};
    Set<IndexOrder.Position> bound = EnumSet.noneOf(IndexOrder.Position.class);
    if (s != Dictionary.NONE) {
      bound.add(IndexOrder.Position.S);
    }
    if (p != Dictionary.NONE) {
      bound.add(IndexOrder.Position.P);
    }
    if (o != Dictionary.NONE) {
      bound.add(IndexOrder.Position.O);
    }
    if (graphs instanceof GraphSelector.DefaultGraph) {
      return List.of(plan(IndexOrder.DEFAULT_GRAPH, bound, ids));
    }
    if (graphs instanceof GraphSelector.AnyNamed) {
      return List.of(plan(EVERY_NAMED, bound, ids));
    }
    if (graphs instanceof GraphSelector.Named) {
      Set<IndexOrder.Position> withGraph = EnumSet.copyOf(bound);
      withGraph.add(IndexOrder.Position.G);
      return List.of(plan(ONE_NAMED, withGraph, ids));
    }
    return List.of(plan(IndexOrder.DEFAULT_GRAPH, bound, ids), plan(EVERY_NAMED, bound, ids));
  }

  /** Whether the plan binds every position of its index: at most one key matches, {@link #lower}. */
  boolean isPointLookup() {
    return lower != null && lower.length == index.keyLength();
  }

  /** The scan of the first candidate whose order starts with exactly the bound positions. */
  private static MatchPlan plan(List<IndexOrder> candidates, Set<IndexOrder.Position> bound, long[] ids) {
    for (IndexOrder index : candidates) {
      if (leads(index, bound)) {
        return bound.isEmpty() ? new MatchPlan(index, null, null) : prefix(index, bound.size(), ids);
      }
    }
    throw new AssertionError("no index starts with " + bound + " among " + candidates);
  }

  private static boolean leads(IndexOrder index, Set<IndexOrder.Position> bound) {
    for (int rank = 0; rank < bound.size(); rank++) {
      if (!bound.contains(index.position(rank))) {
        return false;
      }
    }
    return true;
  }

  private static MatchPlan prefix(IndexOrder index, int length, long[] ids) {
    ByteBuffer lower = ByteBuffer.allocate(length * Long.BYTES);
    ByteBuffer upper = ByteBuffer.allocate(length * Long.BYTES);
    for (int rank = 0; rank < length; rank++) {
      long id = ids[index.position(rank).ordinal()];
      lower.putLong(id);
      // Ids are positive and below Long.MAX_VALUE, so the last one + 1 is the exclusive end.
      upper.putLong(rank == length - 1 ? id + 1 : id);
    }
    return new MatchPlan(index, lower.array(), upper.array());
  }
}
