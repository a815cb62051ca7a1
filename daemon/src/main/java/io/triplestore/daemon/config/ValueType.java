package io.triplestore.daemon.config;

import io.triplestore.snapshots.Settings;
import io.triplestore.snapshots.StackCapture;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The type of a configuration value: how its text is parsed and what is allowed, for messages.
 * Optional types read an empty text as "not set" and parse to {@link Optional}.
 */
public enum ValueType {
  /** Free text. */
  STRING("any text", text -> text),
  /** Free text that must never be printed (passwords). */
  SECRET("any text", text -> text),
  /** A host name or address to bind to. */
  HOST("a host name or IP address", ValueType::host),
  /** A TCP port; 0 picks a free one. */
  PORT("a port number from 0 to 65535 (0 picks a free port)", text -> port(text)),
  /** A TCP port, or empty for "off". */
  OPTIONAL_PORT("empty (off) or a port number from 0 to 65535", text -> optional(text, ValueType::port)),
  /** An integer of at least 1. */
  POSITIVE_INT("an integer from 1 to " + Integer.MAX_VALUE, ValueType::positiveInt),
  /** An integer of at least 1 that may pass {@code int}'s range: a size in bytes. */
  POSITIVE_LONG("an integer from 1 to " + Long.MAX_VALUE, ValueType::positiveLong),
  /** true or false. */
  BOOLEAN("true or false", ValueType::bool),
  /** A positive duration. */
  DURATION(Settings.DURATION_SYNTAX, Settings::duration),
  /** A positive duration, or empty for "none". */
  OPTIONAL_DURATION("empty (none) or " + Settings.DURATION_SYNTAX, text -> optional(text, Settings::duration)),
  /** A fraction strictly between 0 and 1, or a percentage. */
  FRACTION(Settings.FRACTION_SYNTAX, Settings::fraction),
  /** A directory path (created when missing). */
  PATH("a file system path", ValueType::path),
  /** A directory path, or empty for "off". */
  OPTIONAL_PATH("empty (off) or a file system path", text -> optional(text, ValueType::path)),
  /** A readable file, or empty for "none". */
  OPTIONAL_FILE("empty (none) or the path of a readable file", text -> optional(text, ValueType::readableFile)),
  /** Host names or IP addresses, comma-separated; empty for none. */
  HOST_LIST("empty (none) or host names and IP addresses, comma-separated, e.g. store.internal,10.0.0.5",
      ValueType::hostList),
  /** Web origins ({@code scheme://host[:port]}), comma-separated; empty for none. */
  ORIGIN_LIST("empty (none) or origins, comma-separated, each scheme://host[:port] without a path,"
      + " e.g. https://console.example:8443", ValueType::originList),
  /** A stack capture policy. */
  STACK_CAPTURE(Settings.STACK_CAPTURE_SYNTAX, StackCapture::parse);

  private final String allowed;
  private final Function<String, Object> parser;

  ValueType(String allowed, Function<String, Object> parser) {
    this.allowed = allowed;
    this.parser = parser;
  }

  /** What this type accepts, in words. */
  public String allowed() {
    return allowed;
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException when it is not a value of this type
   */
  Object parse(String text) {
    return parser.apply(text.trim());
  }

  private static Object optional(String text, Function<String, Object> parser) {
    return text.isEmpty() ? Optional.empty() : Optional.of(parser.apply(text));
  }

  private static Object host(String text) {
    if (text.isEmpty() || !text.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException(text);
    }
    return text;
  }

  private static Integer port(String text) {
    int port = integer(text);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(text);
    }
    return port;
  }

  private static Object positiveInt(String text) {
    long value = positive(text);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(text);
    }
    return (int) value;
  }

  private static Object positiveLong(String text) {
    return positive(text);
  }

  /** An integer of at least 1, underscores allowed between digits; the caller bounds it above. */
  private static long positive(String text) {
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text, e);
    }
    if (value < 1) {
      throw new IllegalArgumentException(text);
    }
    return value;
  }

  private static int integer(String text) {
    try {
      return Integer.parseInt(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static Object bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      default: throw new IllegalArgumentException(text);
    }
  }

  private static Path path(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException(text);
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static Object hostList(String text) {
    return list(text, host -> {
      String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (!name.matches("[A-Za-z0-9.\\-]+|[0-9A-Fa-f:.]+")) {
        throw new IllegalArgumentException(host);
      }
      return name.toLowerCase(Locale.ROOT);
    });
  }

  private static Object originList(String text) {
    return list(text, origin -> {
      if (!origin.matches("https?://([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?")) {
        throw new IllegalArgumentException(origin);
      }
      return origin.toLowerCase(Locale.ROOT);
    });
  }

  /** The comma-separated items of {@code text}, each checked and normalized by {@code item}. */
  private static List<String> list(String text, UnaryOperator<String> item) {
    List<String> items = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      if (!text.isEmpty()) {
        items.add(item.apply(part.trim()));
      }
    }
    return List.copyOf(items);
  }

  private static Object readableFile(String text) {
    Path file = path(text);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(text);
    }
    return file;
  }
}
