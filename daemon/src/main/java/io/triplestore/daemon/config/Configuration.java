package io.triplestore.daemon.config;

import io.triplestore.snapshots.Settings;
import io.triplestore.store.InputLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The resolved, validated configuration. Each key comes from the first source that sets it:
 * command-line flags, then environment variables {@code TRIPLESTORE_<KEY>}, then the config file
 * ({@code --config path}), then the default. Every value is parsed at resolution, so a bad one
 * stops the start before anything is opened.
 */
public final class Configuration {

  private final EnumMap<ConfigKey, Object> values;
  private final EnumMap<ConfigKey, String> sources;
  private final List<String> warnings;

  private Configuration(EnumMap<ConfigKey, Object> values, EnumMap<ConfigKey, String> sources, List<String> warnings) {
    this.values = values;
    this.sources = sources;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Resolves every key.
   *
   * @param flags values from the command line, by key
   * @param environment the process environment
   * @param configFile a properties file, if given
   * @throws ConfigException naming the key, the value and what is allowed
   */
  public static Configuration resolve(Map<String, String> flags, Map<String, String> environment, Optional<Path> configFile) {
    Map<String, String> fileValues = configFile.map(Configuration::readFile).orElse(Map.of());
    String fileSource = configFile.map(path -> "config file " + path).orElse("");
    EnumMap<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    EnumMap<ConfigKey, String> sources = new EnumMap<>(ConfigKey.class);
    for (ConfigKey key : ConfigKey.values()) {
      String text;
      String source;
      if (flags.containsKey(key.key())) {
        text = flags.get(key.key());
        source = "flag --" + key.key();
      } else if (environment.containsKey(key.envName())) {
        text = environment.get(key.envName());
        source = "environment " + key.envName();
      } else if (fileValues.containsKey(key.key())) {
        text = fileValues.get(key.key());
        source = fileSource;
      } else {
        text = key.defaultValue();
        source = "default";
      }
      values.put(key, parse(key, text, source));
      sources.put(key, source);
    }
    Configuration configuration = new Configuration(values, sources, unknownEnvironment(environment));
    configuration.checkCombinations();
    return configuration;
  }

  /** Every key at its default; for tests and tools. */
  public static Configuration defaults() {
    return resolve(Map.of(), Map.of(), Optional.empty());
  }

  private static Object parse(ConfigKey key, String text, String source) {
    try {
      return key.type().parse(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw ConfigException.invalid(key, text, source, key.type().allowed());
    }
  }

  private static Map<String, String> readFile(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ConfigException("invalid configuration: config file '" + file + "' cannot be read: " + e);
    }
    Map<String, String> values = new java.util.HashMap<>();
    for (String name : new TreeSet<>(properties.stringPropertyNames())) {
      if (ConfigKey.byKey(name).isEmpty()) {
        throw new ConfigException("invalid configuration: unknown key '" + name + "' in config file " + file
            + "; the keys are listed by --help");
      }
      values.put(name, properties.getProperty(name));
    }
    return values;
  }

  private static List<String> unknownEnvironment(Map<String, String> environment) {
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(environment.keySet())) {
      boolean known = java.util.Arrays.stream(ConfigKey.values()).anyMatch(key -> key.envName().equals(name));
      if (name.startsWith(ConfigKey.ENV_PREFIX) && !known) {
        warnings.add("ignoring environment variable " + name + ": no such configuration key (see --help)");
      }
    }
    return warnings;
  }

  private void checkCombinations() {
    if (string(ConfigKey.JOLOKIA_USER).isEmpty() != string(ConfigKey.JOLOKIA_PASSWORD).isEmpty()) {
      throw new ConfigException("invalid configuration: jolokia.user and jolokia.password must be set together"
          + " (jolokia.user from " + source(ConfigKey.JOLOKIA_USER) + ", jolokia.password from "
          + source(ConfigKey.JOLOKIA_PASSWORD) + ")");
    }
    if (optionalPort(ConfigKey.JMX_PORT).isPresent()) {
      Path passwords = optionalPath(ConfigKey.JMX_PASSWORD_FILE).orElseThrow(() -> new ConfigException(
          "invalid configuration: jmx.port = " + optionalPort(ConfigKey.JMX_PORT).get()
              + " needs jmx.password.file: remote JMX never runs without authentication"));
      if (isReadableByOthers(passwords)) {
        throw new ConfigException("invalid configuration: jmx.password.file = " + passwords
            + " is readable by group or others; expected a file only its owner can read (chmod 600)");
      }
    }
    Optional<Duration> maxTtl = optionalDuration(ConfigKey.SNAPSHOT_MAX_TTL);
    Duration defaultTtl = duration(ConfigKey.SNAPSHOT_DEFAULT_TTL);
    if (maxTtl.isPresent() && defaultTtl.compareTo(maxTtl.get()) > 0) {
      throw new ConfigException("invalid configuration: snapshot.default-ttl = " + Settings.format(defaultTtl)
          + " is above snapshot.max-ttl = " + Settings.format(maxTtl.get()) + "; expected at most the max TTL");
    }
  }

  /**
   * Checks what matters only to a command that opens listeners (serving, not {@code import}):
   * Jolokia beyond loopback needs credentials.
   *
   * @throws ConfigException naming the keys
   */
  public void checkListeners() {
    if (bool(ConfigKey.JOLOKIA_ENABLED) && string(ConfigKey.JOLOKIA_USER).isEmpty()
        && !isLoopback(string(ConfigKey.JOLOKIA_HOST))) {
      throw new ConfigException("invalid configuration: jolokia.host = " + string(ConfigKey.JOLOKIA_HOST)
          + " is not a loopback address, which needs jolokia.user and jolokia.password: without credentials"
          + " Jolokia only listens on loopback");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return java.net.InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** On POSIX file systems; elsewhere (no permissions to read) the file is taken as private. */
  private static boolean isReadableByOthers(Path file) {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      return permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  public String string(ConfigKey key) {
    return (String) value(key);
  }

  public int integer(ConfigKey key) {
    return (Integer) value(key);
  }

  public long longValue(ConfigKey key) {
    return (Long) value(key);
  }

  public boolean bool(ConfigKey key) {
    return (Boolean) value(key);
  }

  public double fraction(ConfigKey key) {
    return (Double) value(key);
  }

  public Duration duration(ConfigKey key) {
    return (Duration) value(key);
  }

  public Path path(ConfigKey key) {
    return (Path) value(key);
  }

  @SuppressWarnings("unchecked")
  public Optional<Duration> optionalDuration(ConfigKey key) {
    return (Optional<Duration>) value(key);
  }

  @SuppressWarnings("unchecked")
  public Optional<Integer> optionalPort(ConfigKey key) {
    return (Optional<Integer>) value(key);
  }

  @SuppressWarnings("unchecked")
  public Optional<Path> optionalPath(ConfigKey key) {
    return (Optional<Path>) value(key);
  }

  /** The most bytes of one N-Triples line and one term an input may bring: {@code http.max-line-bytes}, {@code store.max-term-bytes}. */
  public InputLimits inputLimits() {
    return new InputLimits(integer(ConfigKey.HTTP_MAX_LINE_BYTES), integer(ConfigKey.STORE_MAX_TERM_BYTES));
  }

  /** A list key's items ({@link ValueType#HOST_LIST}, {@link ValueType#ORIGIN_LIST}); empty when none. */
  @SuppressWarnings("unchecked")
  public List<String> list(ConfigKey key) {
    return (List<String>) values.get(key);
  }

  /** The parsed value of {@code key}, of the Java type its {@link ValueType} produces. */
  public Object value(ConfigKey key) {
    return values.get(key);
  }

  /** Where {@code key}'s value came from, e.g. {@code flag --http.port} or {@code default}. */
  public String source(ConfigKey key) {
    return sources.get(key);
  }

  /** Problems worth a warning that do not stop the start (unknown TRIPLESTORE_ variables). */
  public List<String> warnings() {
    return warnings;
  }

  /** One line per key, {@code key = value (source)}, with secrets hidden; for the start log. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (ConfigKey key : ConfigKey.values()) {
      lines.add(key.key() + " = " + shown(key) + " (" + sources.get(key) + ")");
    }
    return lines;
  }

  private String shown(ConfigKey key) {
    Object value = values.get(key);
    if (key.isSecret()) {
      return string(key).isEmpty() ? "" : "(hidden)";
    }
    if (value instanceof Optional) {
      return ((Optional<?>) value).map(Configuration::text).orElse("");
    }
    if (value instanceof List) {
      return String.join(",", list(key));
    }
    return text(value);
  }

  private static String text(Object value) {
    return value instanceof Duration ? Settings.format((Duration) value) : String.valueOf(value);
  }
}
