package io.triplestore.daemon;

import java.util.List;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT stop the daemon on the signal's own thread first and only then exit, with
 * 128 + the signal's number (143, 130) as the JVM's default handlers would. The order is the
 * point: the JVM runs its shutdown hooks concurrently and in no order, so a stop done in a hook
 * races JFR's dump-on-exit hook, and a recording started at launch missed the {@code CLOSED}
 * releases. Here every lease is released before {@link System#exit} starts the hooks.
 *
 * <p>Concurrency: each signal starts its own stopping thread; the {@code stop} given to
 * {@link #install} must let a second caller wait for the first (Lifecycle's does, with a lock).
 */
final class StopSignals {

  private static final List<String> SIGNALS = List.of("TERM", "INT");

  private StopSignals() {}

  /**
   * Handles both signals with {@code stop} then exit; false when the JVM does not let us (run with
   * {@code -Xrs}), and the shutdown hook alone stops the daemon.
   */
  static boolean install(Runnable stop) {
    try {
      for (String name : SIGNALS) {
        Signal.handle(new Signal(name), signal -> {
          // Not a daemon thread: once the stop has ended Jetty's threads, this one keeps the JVM
          // from exiting on its own (code 0, hooks racing the rest of the stop) before exit() below.
          Thread stopper = new Thread(() -> {
            stop.run();
            System.exit(128 + signal.getNumber());
          }, "triplestored-stop-SIG" + name);
          stopper.setDaemon(false);
          stopper.start();
        });
      }
      return true;
    } catch (IllegalArgumentException reservedOrUnknown) {
      return false;
    }
  }
}
