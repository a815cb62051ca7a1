package io.triplestore.it.agent.fork;

/** Part of a stand-in for a renamed rocksdbjni (as Flink's ForSt renames it to org.forstdb). */
public abstract class AbstractImmutableNativeReference implements AutoCloseable {

  protected final long nativeHandle;

  protected AbstractImmutableNativeReference(long nativeHandle) {
    this.nativeHandle = nativeHandle;
  }

  public long getNativeHandle() {
    return nativeHandle;
  }

  @Override
  public void close() {
    // Like org.rocksdb.Snapshot: closing the wrapper releases nothing.
  }
}
