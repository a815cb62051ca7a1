package io.triplestore.it.agent.fork;

/** A snapshot of the stand-in fork: only a handle. */
public class Snapshot extends AbstractImmutableNativeReference {

  Snapshot(long nativeHandle) {
    super(nativeHandle);
  }
}
