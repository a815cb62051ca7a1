package io.triplestore.daemon.http;

import io.triplestore.store.ChangeResult;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects parsed triples for removal. Atomic: at most {@code batchSize}, removed in one batch at
 * the end, or {@link TooLarge} with nothing removed. Bulk: removed every {@code batchSize}
 * triples, counting what was committed.
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
  private final boolean commitEachBatch;
  private final List<Triple> pending = new ArrayList<>();
  private ChangeResult result = ChangeResult.NONE;
  private long batches;

  BatchedRemoval(TripleStore store, int batchSize, boolean commitEachBatch) {
    this.store = store;
    this.batchSize = batchSize;
    this.commitEachBatch = commitEachBatch;
  }

  void accept(Triple triple) {
    if (pending.size() == batchSize) {
      if (!commitEachBatch) {
        throw new TooLarge();
      }
      commit();
    }
    pending.add(triple);
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
