package io.triplestore.snapshots;

import java.time.Duration;

/**
 * Runs the registry's periodic maintenance (deadlines, owner checks). Injected so that tests can
 * run maintenance by hand ({@link SnapshotRegistry#cleanUp()}) instead of waiting for a thread.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs {@code task} every {@code period} until the returned handle is closed.
   *
   * @param threadName a name for the thread that runs it, where the scheduler makes one
   */
  AutoCloseable scheduleAtFixedRate(Runnable task, Duration period, String threadName);

  /** One daemon thread per registry. The default. */
  static Scheduler daemonThread() {
    return DaemonThreadScheduler.INSTANCE;
  }

  /** Never runs anything: maintenance happens only when {@link SnapshotRegistry#cleanUp()} is called. */
  static Scheduler manual() {
    return (task, period, name) -> () -> { };
  }
}
