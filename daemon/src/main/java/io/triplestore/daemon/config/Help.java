package io.triplestore.daemon.config;

import java.io.PrintStream;

/** The {@code --help} text: usage, precedence and every key with its environment name and default. */
public final class Help {

  private Help() {}

  public static void print(PrintStream out) {
    out.println("Usage: triplestored [--config FILE] [--KEY=VALUE | --KEY VALUE]...");
    out.println("       triplestored import FILE [--format NAME] [--data.dir DIR]");
    out.println("           NAME: " + ImportFormats.NAMES + "; without --format the file's extension");
    out.println("           says (.nt .nq .ttl .trig .rdf .jsonld ..., each also .gz)");
    out.println("       triplestored verify [--data.dir DIR]   (exit 0 consistent, 3 violations found)");
    out.println("       triplestored --version");
    out.println();
    out.println("Serves a RocksDB triple store over HTTP, with JMX, Jolokia and systemd readiness.");
    out.println("Each key is taken from, in this order: a flag, the environment variable, the --config");
    out.println("properties file, the default. Durations: PT2S, 500ms, 2s, 5m, 1h, 1d (bare number = ms);");
    out.println("fractions: 0.8 or 80%.");
    out.println();
    for (ConfigKey key : ConfigKey.values()) {
      String shown = key.defaultValue().isEmpty() ? "(unset)" : key.defaultValue();
      out.printf("  --%-24s %-36s default %s%n", key.key(), key.envName(), shown);
      out.printf("      %s%n", key.description());
    }
  }
}
