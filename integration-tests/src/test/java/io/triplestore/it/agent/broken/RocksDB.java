package io.triplestore.it.agent.broken;

import io.triplestore.it.agent.fork.Snapshot;

/**
 * A rocksdb-named class of an unexpected shape: it has no {@code releaseSnapshot} (its release is
 * called something else). The agent must leave it, and the whole package, alone.
 */
public class RocksDB {

  private final io.triplestore.it.agent.fork.RocksDB delegate = new io.triplestore.it.agent.fork.RocksDB("broken");

  public Snapshot getSnapshot() {
    return delegate.getSnapshot();
  }

  public void dropSnapshot(Snapshot snapshot) {
    delegate.releaseSnapshot(snapshot);
  }

  public long getLongProperty(String property) {
    return delegate.getLongProperty(property);
  }

  public void close() {
    delegate.close();
  }
}
