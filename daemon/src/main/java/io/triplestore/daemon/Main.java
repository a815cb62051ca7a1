package io.triplestore.daemon;

import io.triplestore.daemon.config.CommandLine;
import io.triplestore.daemon.config.ConfigException;
import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.daemon.config.Help;
import io.triplestore.daemon.systemd.SystemdNotifier;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code triplestored}: parses the command line and the configuration before anything else (so
 * a bad value costs nothing and exits 2 with one line), then sets up logging, then serves or
 * imports.
 *
 * <p>Exit codes: 0 done, 1 failed, 2 bad command line or configuration, a port or the data
 * directory in use (or, for {@code verify}, no store there), 3 {@code verify} found violations; a
 * stop by SIGTERM exits 143, by SIGINT 130 (the JVM's 128 + signal), both after the same clean
 * shutdown.
 * No static logger here: log4j must not start before {@code log.dir} is known.
 */
public final class Main {

  /** Exit code of a usage or configuration error, and of a data directory in use. */
  public static final int EXIT_CONFIG = 2;

  /** Exit code of {@code triplestored verify} when the store violates an invariant. */
  public static final int EXIT_INCONSISTENT = 3;

  private Main() {}

  public static void main(String[] args) throws Exception {
    Configuration config;
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
      if (commandLine.command() == CommandLine.Command.HELP) {
        Help.print(System.out);
        return;
      }
      if (commandLine.command() == CommandLine.Command.VERSION) {
        System.out.println("triplestored " + Version.current());
        return;
      }
      config = Configuration.resolve(commandLine.flags(), System.getenv(), commandLine.configFile());
      if (commandLine.command() == CommandLine.Command.SERVE) {
        config.checkListeners(); // import opens no listener: it works whatever they are set to
        ListenPorts.requireFree(config);
      }
    } catch (ConfigException e) {
      System.err.println("triplestored: " + e.getMessage());
      System.exit(EXIT_CONFIG);
      return;
    }
    config.optionalPath(ConfigKey.LOG_DIR)
        .ifPresent(dir -> System.setProperty("triplestored.log.dir", dir.toAbsolutePath().toString()));
    int exit = switch (commandLine.command()) {
      case IMPORT -> Lifecycle.runImport(config, Path.of(commandLine.arguments().get(0)), commandLine.format());
      case VERIFY -> Lifecycle.runVerify(config);
      default -> Lifecycle.serve(config, home(), SystemdNotifier.fromEnvironment(System.getenv()));
    };
    if (exit != 0 || commandLine.command() != CommandLine.Command.SERVE) {
      Lifecycle.shutdownLogging();
      System.exit(exit);
    }
  }

  /** The distribution's directory, as the launcher passes it. */
  private static Optional<Path> home() {
    return Optional.ofNullable(System.getProperty("triplestored.home")).map(Path::of);
  }
}
