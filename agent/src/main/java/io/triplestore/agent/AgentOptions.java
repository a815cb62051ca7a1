package io.triplestore.agent;

import io.triplestore.snapshots.Settings;
import io.triplestore.snapshots.StackCapture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent's options, from {@code -javaagent:triplestore-agent.jar=key=value,key=value} or the
 * attach command. Every value is validated up front; a bad one fails the whole set with a message
 * naming the option and the value, and the agent then disables itself.
 *
 * @param ttl how long a snapshot may be held before it is reported expired
 * @param warnFraction the fraction of the TTL after which it is warned about
 * @param stack which creation stacks are captured
 * @param release whether the agent ever releases a snapshot itself
 * @param packagePrefix the package of the rocksdb classes ({@code org.rocksdb}, or a fork's)
 * @param log {@code stderr} or the path of a file the agent appends to
 * @param tick how often deadlines and owner threads are checked
 * @param grace how long a database snapshot may be held before it is registered (0: at once, on
 *     the host's thread); one released sooner costs the host a few nanoseconds and is never listed.
 *     Defaults to the tick, or 0 where the tick is not shorter than the TTL
 */
record AgentOptions(
    Duration ttl,
    double warnFraction,
    StackCapture stack,
    ReleaseMode release,
    String packagePrefix,
    String log,
    Duration tick,
    Duration grace) {

  static final String STDERR = "stderr";

  static final Set<String> KEYS = Set.of("ttl", "warn", "stack", "release", "package", "log", "tick", "grace");

  private static final Pattern JAVA_PACKAGE =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  /**
   * The defaults: the registry's TTL, warning and tick ({@link Settings}), one stack in 128, observe
   * only, org.rocksdb, stderr, a grace period of one default tick.
   */
  static AgentOptions defaults() {
    return new AgentOptions(Settings.DEFAULT_TTL, Settings.DEFAULT_WARN_FRACTION, StackCapture.sampled(128),
        ReleaseMode.NEVER, "org.rocksdb", STDERR, Settings.DEFAULT_TICK, Settings.DEFAULT_TICK);
  }

  /**
   * Parses {@code key=value} pairs separated by commas; {@code null} or blank means the defaults.
   *
   * @throws IllegalArgumentException naming the offending option and value
   */
  static AgentOptions parse(String text) {
    AgentOptions options = defaults();
    if (text == null || text.isBlank()) {
      return options;
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "agent option '" + pair.trim() + "' is not key=value (options are comma-separated key=value pairs)");
      }
      String key = pair.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = pair.substring(eq + 1).trim();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown agent option '" + key + "' (known: ttl, warn, stack, release, package, log, tick, grace)");
      }
      if (pairs.put(key, value) != null) {
        throw new IllegalArgumentException("agent option '" + key + "' is given twice");
      }
    }
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      try {
        options = options.with(e.getKey(), e.getValue());
      } catch (IllegalArgumentException bad) {
        throw new IllegalArgumentException(
            "agent option " + e.getKey() + "='" + e.getValue() + "' is invalid: " + bad.getMessage(), bad);
      }
    }
    if (!pairs.containsKey("grace")) {
      Duration grace = options.tick.compareTo(options.ttl) < 0 ? options.tick : Duration.ZERO;
      options = new AgentOptions(options.ttl, options.warnFraction, options.stack, options.release,
          options.packagePrefix, options.log, options.tick, grace);
    } else if (options.grace.compareTo(options.ttl) >= 0) {
      // Handed off at or after its TTL, a snapshot would never be warned about in time.
      throw new IllegalArgumentException("agent option grace=" + Settings.format(options.grace)
          + " must be shorter than the TTL (ttl=" + Settings.format(options.ttl) + ")");
    }
    return options;
  }

  private AgentOptions with(String key, String value) {
    return switch (key) {
      case "ttl" -> new AgentOptions(Settings.duration(value), warnFraction, stack, release, packagePrefix, log, tick, grace);
      case "warn" -> new AgentOptions(ttl, Settings.fraction(value), stack, release, packagePrefix, log, tick, grace);
      case "stack" -> new AgentOptions(ttl, warnFraction, StackCapture.parse(value), release, packagePrefix, log, tick, grace);
      case "release" -> new AgentOptions(ttl, warnFraction, stack, ReleaseMode.parse(value), packagePrefix, log, tick, grace);
      case "package" -> new AgentOptions(ttl, warnFraction, stack, release, javaPackage(value), log, tick, grace);
      case "log" -> new AgentOptions(ttl, warnFraction, stack, release, packagePrefix, nonEmpty(value), tick, grace);
      case "tick" -> new AgentOptions(ttl, warnFraction, stack, release, packagePrefix, log, tick(Settings.duration(value)), grace);
      case "grace" -> new AgentOptions(ttl, warnFraction, stack, release, packagePrefix, log, tick, grace(value));
      default -> throw new IllegalStateException("unhandled option " + key);
    };
  }

  /** The registry checks deadlines at most once a millisecond. */
  private static Duration tick(Duration d) {
    if (d.toMillis() < 1) {
      throw new IllegalArgumentException("must be at least 1ms");
    }
    return d;
  }

  /** {@code 0} (registered at once) or a positive duration. */
  private static Duration grace(String value) {
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    try {
      return Settings.duration(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected 0 or a positive duration such as 1s or 500ms", e);
    }
  }

  private static String javaPackage(String value) {
    if (!JAVA_PACKAGE.matcher(value).matches()) {
      throw new IllegalArgumentException("expected a Java package name such as org.rocksdb or org.forstdb");
    }
    return value;
  }

  private static String nonEmpty(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("expected stderr or a file path");
    }
    return value;
  }

  /** The options as they would be written, for the start line. */
  String describe() {
    return "ttl=" + Settings.format(ttl) + ",warn=" + warnFraction + ",stack=" + stack + ",release=" + release.optionValue()
        + ",package=" + packagePrefix + ",log=" + log + ",tick=" + Settings.format(tick)
        + ",grace=" + (grace.isZero() ? "0" : Settings.format(grace));
  }
}
