package io.triplestore.snapshots;

/**
 * The registry's time: exact readings of its {@link Ticker} for decisions (expiry, ages shown to
 * operators), and stamps for a lease's creation and release.
 *
 * <p>A stamp is exact, or, in a registry with the default ticker and its own maintenance thread,
 * the reading the maintenance thread took at its last tick: one volatile read instead of a clock
 * call (two per lease; see docs/BENCHMARKS.md for what that saves). Such stamps are up to one tick early, so deadlines get
 * one tick of slack ({@link #deadlineSlack()}): a lease is never expired before its TTL has
 * passed (unless the maintenance thread itself fell behind by more than a tick), and at most two
 * ticks after. With an injected ticker or a manual scheduler, stamps are exact: tests and callers
 * that drive maintenance themselves see exactly the times they set.
 *
 * <p>Concurrency: {@link #refresh()} from maintenance (under the registry's lock, one writer at a
 * time); the rest from any thread.
 */
final class RegistryClock {

  private final Ticker ticker;
  private final boolean coarse;
  private final long slackNanos;
  private volatile long lastTick;

  RegistryClock(Ticker ticker, boolean coarse, long tickNanos) {
    this.ticker = ticker;
    this.coarse = coarse;
    this.slackNanos = coarse ? tickNanos : 0;
    this.lastTick = ticker.read();
  }

  /** An exact reading. */
  long now() {
    return ticker.read();
  }

  /** A creation or release stamp: exact, or the last tick's reading. */
  long stamp() {
    return coarse ? lastTick : ticker.read();
  }

  /** Added to deadlines computed from a stamp, so that an early stamp never shortens a lease. */
  long deadlineSlack() {
    return slackNanos;
  }

  /** Takes an exact reading, which later stamps return until the next refresh. */
  long refresh() {
    long now = ticker.read();
    if (coarse) {
      lastTick = now;
    }
    return now;
  }
}
