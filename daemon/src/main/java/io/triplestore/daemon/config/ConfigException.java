package io.triplestore.daemon.config;

/**
 * A configuration problem, told in one line that names the key, the value and what is allowed.
 * The daemon prints it and exits with code 2.
 */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  /** An invalid value of {@code key} from {@code source}. */
  static ConfigException invalid(ConfigKey key, String value, String source, String allowed) {
    String shown = key.isSecret() ? "(hidden)" : "'" + value + "'";
    return new ConfigException(
        "invalid configuration: " + key.key() + " = " + shown + " (from " + source + "): expected " + allowed);
  }
}
