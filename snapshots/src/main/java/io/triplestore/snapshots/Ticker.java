package io.triplestore.snapshots;

/**
 * A source of monotonic nanoseconds. Injected so that tests advance time instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {

  /** Nanoseconds since an arbitrary origin; only differences are meaningful. */
  long read();

  /** {@link System#nanoTime()}. */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
