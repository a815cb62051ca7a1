package io.triplestore.daemon.http;

import io.triplestore.store.ChangeResult;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Collects parsed triples for removal. Atomic (no progress listener): at most {@code batchSize},
 * removed in one batch at the end, or {@link TooLarge} with nothing removed. Bulk: removed every
 * {@code batchSize} triples, each commit told to the listener with the count so far.
 */
final class BatchedRemoval {

  /** An atomic removal got more triples than it may hold. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooLarge() {
      super(null, null, false, false);
    }
  }

  private final TripleStore store;
  private final int batchSize;
  private final LongConsumer progress;
  private final List<Triple> pending = new ArrayList<>();
  private ChangeResult result = ChangeResult.NONE;
  private long batches;

  /** With {@code progress} null the removal is atomic. */
  BatchedRemoval(TripleStore store, int batchSize, LongConsumer progress) {
    this.store = store;
    this.batchSize = batchSize;
    this.progress = progress;
  }

  void accept(Triple triple) {
    if (progress == null && pending.size() == batchSize) {
      throw new TooLarge();
    }
    pending.add(triple);
    if (progress != null && pending.size() == batchSize) {
      commit();
    }
  }

  /** Removes what is still pending. */
  void finish() {
    if (!pending.isEmpty()) {
      commit();
    }
  }

  private void commit() {
    result = result.plus(store.remove(pending));
    batches++;
    pending.clear();
    if (progress != null) {
      progress.accept(committedTriples());
    }
  }

  /** Input triples in the committed batches. */
  long committedTriples() {
    return result.applied() + result.noOps();
  }

  ChangeResult result() {
    return result;
  }

  long batches() {
    return batches;
  }
}
