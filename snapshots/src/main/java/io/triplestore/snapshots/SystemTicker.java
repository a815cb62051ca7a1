package io.triplestore.snapshots;

/**
 * {@link System#nanoTime()} as one shared instance, so that a registry can tell the real clock
 * from an injected one (see {@link RegistryClock}).
 */
final class SystemTicker implements Ticker {

  static final SystemTicker INSTANCE = new SystemTicker();

  private SystemTicker() {}

  @Override
  public long read() {
    return System.nanoTime();
  }
}
