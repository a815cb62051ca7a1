package io.triplestore.it.agent.fork;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the database class of a renamed rocksdbjni, with the shape of the real one
 * (getSnapshot, releaseSnapshot, close, getName, getLongProperty) and no native code: its
 * "native" snapshot count is the set of handles it has handed out and not had back.
 */
public class RocksDB extends AbstractImmutableNativeReference {

  private static final AtomicLong HANDLES = new AtomicLong(0x1000);

  private final String name;
  private final Set<Long> live = ConcurrentHashMap.newKeySet();

  public RocksDB(String name) {
    super(HANDLES.incrementAndGet());
    this.name = name;
  }

  public Snapshot getSnapshot() {
    Snapshot snapshot = new Snapshot(HANDLES.incrementAndGet());
    live.add(snapshot.getNativeHandle());
    return snapshot;
  }

  public void releaseSnapshot(Snapshot snapshot) {
    live.remove(snapshot.getNativeHandle());
  }

  public String getName() {
    return name;
  }

  public long getLongProperty(String property) {
    if (!property.equals("rocksdb.num-snapshots")) {
      throw new IllegalArgumentException("no property " + property);
    }
    return live.size();
  }

  @Override
  public void close() {
    live.clear();
  }
}
