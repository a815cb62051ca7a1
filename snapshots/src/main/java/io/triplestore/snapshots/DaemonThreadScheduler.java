package io.triplestore.snapshots;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** One named daemon thread per registry; the executor is shut down when the handle is closed. */
final class DaemonThreadScheduler implements Scheduler {

  static final DaemonThreadScheduler INSTANCE = new DaemonThreadScheduler();

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");

  @Override
  public AutoCloseable scheduleAtFixedRate(Runnable task, Duration period, String threadName) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    long nanos = period.toNanos();
    executor.scheduleAtFixedRate(() -> runGuarded(task, threadName), nanos, nanos, TimeUnit.NANOSECONDS);
    return executor::shutdownNow;
  }

  // A task that throws would silently cancel every later run; log it and keep ticking.
  private static void runGuarded(Runnable task, String threadName) {
    try {
      task.run();
    } catch (Throwable t) {
      LOG.log(System.Logger.Level.ERROR, "snapshot maintenance failed on " + threadName, t);
    }
  }
}
