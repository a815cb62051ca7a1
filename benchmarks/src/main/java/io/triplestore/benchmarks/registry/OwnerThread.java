package io.triplestore.benchmarks.registry;

import java.util.concurrent.CountDownLatch;

/**
 * A thread that owns leases and stays alive until {@link #end()}, so that no lease it owns is
 * released as {@code OWNER_DOWN} in the middle of a measurement.
 */
final class OwnerThread {

  private final Thread thread;
  private final CountDownLatch mayEnd;

  private OwnerThread(Thread thread, CountDownLatch mayEnd) {
    this.thread = thread;
    this.mayEnd = mayEnd;
  }

  static OwnerThread start() {
    CountDownLatch mayEnd = new CountDownLatch(1);
    Thread thread = new Thread(() -> awaitQuietly(mayEnd), "lease-owner");
    thread.setDaemon(true);
    thread.start();
    return new OwnerThread(thread, mayEnd);
  }

  Thread thread() {
    return thread;
  }

  void end() {
    mayEnd.countDown();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
