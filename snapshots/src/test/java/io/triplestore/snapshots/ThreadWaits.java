package io.triplestore.snapshots;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Starts threads for interleaving tests and waits, without sleeping, until one has parked or ended. */
final class ThreadWaits {

  private ThreadWaits() {}

  /** A started thread that remembers what its body threw. */
  static final class Worker {
    final Thread thread;
    final AtomicReference<Throwable> failure = new AtomicReference<>();

    private Worker(String name, ThrowingRunnable body) {
      thread = new Thread(() -> {
        try {
          body.run();
        } catch (Throwable t) {
          failure.set(t);
        }
      }, name);
      thread.setDaemon(true);
      thread.start();
    }

    /** Joins, then rethrows what the body threw, if anything. */
    void join() throws Exception {
      thread.join();
      Throwable t = failure.get();
      if (t instanceof Exception e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  static Worker start(String name, ThrowingRunnable body) {
    return new Worker(name, body);
  }

  /**
   * Waits until {@code worker} is parked (waiting on a condition, a monitor or a latch), blocked
   * on a monitor, or finished: the point where it can make no progress without another thread.
   */
  static void awaitStuckOrDone(Worker worker) {
    await().atMost(Duration.ofSeconds(20)).until(() -> switch (worker.thread.getState()) {
      case WAITING, TIMED_WAITING, BLOCKED, TERMINATED -> true;
      default -> false;
    });
  }

  /** Waits until {@code worker} is parked without a timeout: it does not spin. */
  static void awaitParked(Worker worker) {
    await().atMost(Duration.ofSeconds(20)).until(() -> worker.thread.getState() == Thread.State.WAITING);
  }
}
