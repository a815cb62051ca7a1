package io.triplestore.sparql;

import io.triplestore.store.CloseableIterator;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.Quad;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.TripleStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Commits the Sail's transactions to the store, one atomic {@code store.change(removes, adds)} per
 * transaction. A clear of graphs becomes removes of the quads those graphs hold at commit, so that
 * it lands in the same atomic batch as the transaction's other changes (the store's own {@code
 * clear} is a batch of its own). The one exception is a transaction that is nothing but one clear:
 * that is the store's {@code clear}, which is just as atomic and holds nothing on the heap.
 *
 * <p>Concurrency: thread-safe. Commits of this Sail are serialized by a lock, so a clear's removes
 * are read and written with no other commit of this Sail in between; writers that bypass the Sail
 * (imports, the daemon's triple endpoints) are not held back by it, and a quad one of them adds to
 * a cleared graph between the read and the write survives the clear.
 */
final class StoreWriter {

  /** What one transaction changes: graph clears, then removes, then adds. */
  record Batch(List<GraphSelector> clears, List<Quad> removes, List<Quad> adds) {
    boolean isEmpty() {
      return clears.isEmpty() && removes.isEmpty() && adds.isEmpty();
    }

    boolean isOneClear() {
      return clears.size() == 1 && removes.isEmpty() && adds.isEmpty();
    }
  }

  private final TripleStore store;
  private final Namespaces namespaces;
  private final ReentrantLock commitLock = new ReentrantLock();

  StoreWriter(TripleStore store, Namespaces namespaces) {
    this.store = store;
    this.namespaces = namespaces;
  }

  Namespaces namespaces() {
    return namespaces;
  }

  void apply(Batch batch, List<Consumer<Namespaces>> namespaceChanges) {
    commitLock.lock();
    try {
      if (batch.isOneClear()) {
        store.clear(batch.clears().get(0));
      } else if (!batch.isEmpty()) {
        store.change(removesWithClears(batch), batch.adds());
      }
      namespaceChanges.forEach(change -> change.accept(namespaces));
    } finally {
      commitLock.unlock();
    }
  }

  private Set<Quad> removesWithClears(Batch batch) {
    Set<Quad> removes = new LinkedHashSet<>(batch.removes());
    for (GraphSelector graphs : batch.clears()) {
      try (CloseableIterator<Quad> quads = store.match(QuadPattern.of(null, null, null, graphs))) {
        quads.forEachRemaining(removes::add);
      }
    }
    return removes;
  }
}
