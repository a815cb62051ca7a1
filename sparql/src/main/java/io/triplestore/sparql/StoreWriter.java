package io.triplestore.sparql;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.Quad;
import io.triplestore.store.TripleStore;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Commits the Sail's transactions to the store, one atomic {@code store.change(clears, removes,
 * adds)} per transaction: the store reads a clear's quads under its writer's lock, in the same
 * batch as the transaction's other changes, so no other writer (another Sail commit, an import,
 * the daemon's triple endpoints) can add to a cleared graph between the read and the write.
 *
 * <p>Concurrency: thread-safe. Commits of this Sail are serialized by a lock (which also keeps the
 * namespace changes in commit order); the store serializes them with every other writer.
 */
final class StoreWriter {

  /** What one transaction changes: graph clears, then removes, then adds. */
  record Batch(List<GraphSelector> clears, List<Quad> removes, List<Quad> adds) {
    boolean isEmpty() {
      return clears.isEmpty() && removes.isEmpty() && adds.isEmpty();
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
      if (!batch.isEmpty()) {
        store.change(batch.clears(), batch.removes(), batch.adds());
      }
      namespaceChanges.forEach(change -> change.accept(namespaces));
    } finally {
      commitLock.unlock();
    }
  }
}
