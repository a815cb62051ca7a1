package io.triplestore.agent.fakes;

/** A stand-in for {@code org.rocksdb.Snapshot}: only a native handle. */
public class FakeSnapshot {

  private final long handle;

  public FakeSnapshot(long handle) {
    this.handle = handle;
  }

  public long getNativeHandle() {
    return handle;
  }
}
