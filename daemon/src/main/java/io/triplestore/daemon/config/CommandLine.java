package io.triplestore.daemon.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed command line: what to do, its arguments, configuration flags ({@code
 * --http.port=8080} or {@code --http.port 8080}) and the options of a command ({@code --format}
 * of {@code import}), which take a value the same two ways.
 *
 * @param command what to run
 * @param arguments positional arguments of the command (the file of {@code import})
 * @param flags configuration values given as flags, by key
 * @param configFile the {@code --config} file, if any
 * @param format the {@code --format} of {@code import}, if given (else the file's extension says)
 */
public record CommandLine(Command command, List<String> arguments, Map<String, String> flags, Optional<Path> configFile,
    Optional<String> format) {

  /** What the process does. */
  public enum Command {
    /** Serve the store: the daemon. */
    SERVE,
    /** Load an RDF file (any format) into a data dir no daemon is serving. */
    IMPORT,
    /** Check the consistency of a data dir no daemon is serving. */
    VERIFY,
    /** Print the usage and every key. */
    HELP,
    /** Print the version. */
    VERSION
  }

  /**
   * Parses {@code args}.
   *
   * @throws ConfigException on an unknown option or command, or a flag without its value
   */
  public static CommandLine parse(String... args) {
    Map<String, String> flags = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    Path configFile = null;
    String format = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new CommandLine(Command.HELP, List.of(), Map.of(), Optional.empty(), Optional.empty());
      }
      if (arg.equals("--version") || arg.equals("-V")) {
        return new CommandLine(Command.VERSION, List.of(), Map.of(), Optional.empty(), Optional.empty());
      }
      if (!arg.startsWith("--")) {
        positional.add(arg);
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      String value;
      if (equals >= 0) {
        value = arg.substring(equals + 1);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException("invalid command line: option --" + name + " needs a value (--" + name
            + "=VALUE or --" + name + " VALUE)");
      }
      if (name.equals("config")) {
        configFile = Path.of(value);
      } else if (name.equals("format")) {
        format = value;
      } else if (ConfigKey.byKey(name).isPresent()) {
        flags.put(name, value);
      } else {
        throw new ConfigException("invalid command line: unknown option --" + name
            + "; expected --config, --format (import) or a configuration key (see --help)");
      }
    }
    Command command = command(positional);
    if (format != null && command != Command.IMPORT) {
      throw new ConfigException("invalid command line: --format applies to import only: triplestored import <file>"
          + " --format NAME");
    }
    return new CommandLine(command, arguments(positional), flags, Optional.ofNullable(configFile),
        Optional.ofNullable(format));
  }

  private static Command command(List<String> positional) {
    if (positional.isEmpty()) {
      return Command.SERVE;
    }
    if (positional.get(0).equals("import")) {
      if (positional.size() != 2) {
        throw new ConfigException("invalid command line: import needs exactly one file: triplestored import <file> [--format NAME]");
      }
      return Command.IMPORT;
    }
    if (positional.get(0).equals("verify")) {
      if (positional.size() != 1) {
        throw new ConfigException("invalid command line: verify takes no arguments (the store is --data.dir):"
            + " triplestored verify [--data.dir DIR]");
      }
      return Command.VERIFY;
    }
    throw new ConfigException("invalid command line: unknown command '" + positional.get(0)
        + "'; expected no command (serve), import <file> or verify");
  }

  private static List<String> arguments(List<String> positional) {
    return positional.isEmpty() ? List.of() : List.copyOf(positional.subList(1, positional.size()));
  }
}
