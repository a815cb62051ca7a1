package io.triplestore.snapshots;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One named daemon thread per registry. Closing the handle cancels the periodic task, lets a tick
 * that is running finish (it may be in the middle of a native release) and waits until the thread
 * has ended, so that a registry's close() can rely on no maintenance running afterwards.
 *
 * <p>Concurrency: each handle owns its executor; closing from the maintenance thread itself (a
 * listener that closes the registry) shuts down without waiting for itself.
 */
final class DaemonThreadScheduler implements Scheduler {

  static final DaemonThreadScheduler INSTANCE = new DaemonThreadScheduler();

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");

  @Override
  public AutoCloseable scheduleAtFixedRate(Runnable task, Duration period, String threadName) {
    AtomicReference<Thread> worker = new AtomicReference<>();
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      worker.set(thread);
      return thread;
    });
    executor.setRemoveOnCancelPolicy(true);
    long nanos = period.toNanos();
    executor.scheduleAtFixedRate(() -> runGuarded(task, threadName), nanos, nanos, TimeUnit.NANOSECONDS);
    return () -> stop(executor, worker.get());
  }

  private static void stop(ScheduledThreadPoolExecutor executor, Thread worker) {
    // shutdown(), not shutdownNow(): an interrupt would not stop a native release, only listeners.
    executor.shutdown();
    if (Thread.currentThread() == worker) {
      return;
    }
    Uninterruptibly.awaitTermination(executor);
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
