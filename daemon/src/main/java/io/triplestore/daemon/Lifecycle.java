package io.triplestore.daemon;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.daemon.systemd.SystemdNotifier;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The process around the daemon: starting it, stopping it on SIGTERM or SIGINT before the JVM's
 * shutdown hooks run ({@link StopSignals}), the shutdown hook that stops it on any other exit (and
 * stops log4j last, so the final lines are written), and the exit codes.
 */
final class Lifecycle {

  private static final Logger LOG = LogManager.getLogger(Lifecycle.class);

  private Lifecycle() {}

  /** Starts the daemon and arms the shutdown hook; returns 0 when it serves, else the exit code. */
  static int serve(Configuration config, Optional<Path> home, SystemdNotifier notifier) {
    config.warnings().forEach(LOG::warn);
    config.describe().forEach(line -> LOG.debug("config {}", line));
    Daemon daemon;
    try {
      daemon = Daemon.start(config, home, notifier);
    } catch (StoreOpener.DataDirectoryInUseException e) {
      LOG.error(e.getMessage());
      return Main.EXIT_CONFIG;
    } catch (Exception | Error e) {
      LOG.error("triplestored failed to start: {}", e.toString(), e);
      return 1;
    }
    // A signal's handler and the shutdown hook may both stop it; the second waits for the first.
    Object stopping = new Object();
    Runnable stop = () -> {
      synchronized (stopping) {
        daemon.close();
      }
    };
    if (!StopSignals.install(stop)) {
      LOG.warn("SIGTERM and SIGINT cannot be handled (-Xrs?): a recording started at launch may miss the CLOSED releases");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        stop.run();
      } finally {
        shutdownLogging();
      }
    }, "triplestored-shutdown"));
    return 0;
  }

  /** {@code triplestored import}: returns the exit code. */
  static int runImport(Configuration config, Path file, java.util.Optional<String> format) {
    return runCommand("import", () -> new ImportCommand(config, System.out).run(file, format));
  }

  /** {@code triplestored verify}: returns the exit code. */
  static int runVerify(Configuration config) {
    return runCommand("verify", () -> new VerifyCommand(config, System.out).run());
  }

  /** An offline command on the data directory: its exit code, 2 when the directory is in use, 1 on failure. */
  private static int runCommand(String name, Callable<Integer> command) {
    try {
      return command.call();
    } catch (StoreOpener.DataDirectoryInUseException e) {
      System.out.println("triplestored " + name + ": " + e.getMessage());
      return Main.EXIT_CONFIG;
    } catch (Exception e) {
      System.out.println("triplestored " + name + " failed: " + e);
      return 1;
    }
  }

  /** Flushes and stops log4j; its own shutdown hook is off so that ours can log to the end. */
  static void shutdownLogging() {
    LogManager.shutdown();
  }
}
