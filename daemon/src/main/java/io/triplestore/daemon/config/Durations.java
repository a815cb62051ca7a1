package io.triplestore.daemon.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as operators write them: ISO-8601 ({@code PT2S}) or a number with a unit
 * ({@code 500ms}, {@code 2s}, {@code 5m}, {@code 1h}, {@code 1d}); a bare number is milliseconds.
 */
public final class Durations {

  /** What {@link #parse} accepts, for error messages. */
  public static final String ALLOWED =
      "a positive duration: ISO-8601 (PT2S) or a number with ms, s, m, h or d (500ms, 2s, 5m, 1h); a bare number is milliseconds";

  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)?");

  private Durations() {}

  /**
   * Parses a positive duration.
   *
   * @throws IllegalArgumentException when the text is not a duration or not positive
   */
  public static Duration parse(String text) {
    String value = text == null ? "" : text.trim();
    Duration parsed = value.toUpperCase(Locale.ROOT).startsWith("P") ? parseIso(value) : parseWithUnit(value);
    if (parsed == null || parsed.isZero() || parsed.isNegative()) {
      throw new IllegalArgumentException("'" + text + "' is not " + ALLOWED);
    }
    return parsed;
  }

  /** Formats a duration the way {@link #parse} reads it back, in the largest exact unit. */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  private static Duration parseIso(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration parseWithUnit(String value) {
    Matcher matcher = NUMBER_WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return null;
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    try {
      switch (unit) {
        case "ms": return Duration.ofMillis(amount);
        case "s": return Duration.ofSeconds(amount);
        case "m": return Duration.ofMinutes(amount);
        case "h": return Duration.ofHours(amount);
        default: return Duration.ofDays(amount);
      }
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
