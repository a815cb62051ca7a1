package io.triplestore.snapshots;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar of the registry's settings as people write them, in a daemon's configuration,
 * a query parameter or the agent's options: durations, fractions and stack capture, with one set
 * of error messages and the registry's defaults written once.
 *
 * <ul>
 *   <li>Duration: ISO-8601 ({@code PT2S}, {@code pt1m30s}, {@code P1D}) or a whole number with an
 *       optional unit {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}, blanks allowed
 *       between them ({@code 500ms}, {@code 5 m}); a bare number is milliseconds. Always positive.
 *   <li>Fraction: a number strictly between 0 and 1 ({@code 0.8}) or a percentage strictly between
 *       0% and 100% ({@code 80%}).
 *   <li>Stack capture: {@code off}, {@code all} or {@code sample:N} with N at least 1 (see
 *       {@link StackCapture#parse}).
 * </ul>
 *
 * <p>Every rejection is an {@link IllegalArgumentException} reading {@code '<text>' is not
 * <syntax>}, with the syntax constants below; callers prefix the name of the setting.
 */
public final class Settings {

  /** The TTL of a lease created without one. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** The fraction of its TTL after which a lease is warned about. */
  public static final double DEFAULT_WARN_FRACTION = 0.8;
  /** How often deadlines and owners are checked. */
  public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

  /** What {@link #duration} accepts, in words. */
  public static final String DURATION_SYNTAX = "a positive duration: ISO-8601 (PT2S) or a number with ms, s, m,"
      + " h or d (500ms, 2s, 5m, 1h, 1d); a bare number is milliseconds";
  /** What {@link #fraction} accepts, in words. */
  public static final String FRACTION_SYNTAX =
      "a fraction strictly between 0 and 1 (0.8) or a percentage strictly between 0% and 100% (80%)";
  /** What {@link StackCapture#parse} accepts, in words. */
  public static final String STACK_CAPTURE_SYNTAX = "a stack capture setting: off, all or sample:N with N >= 1";

  private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h|d)?");
  private static final long MILLIS_PER_HOUR = 3_600_000;
  private static final long MILLIS_PER_MINUTE = 60_000;

  private Settings() {}

  /**
   * Parses a positive duration.
   *
   * @throws IllegalArgumentException when {@code text} (null included) is not one
   */
  public static Duration duration(String text) {
    String value = text == null ? "" : text.trim();
    Duration parsed = value.toUpperCase(Locale.ROOT).startsWith("P") ? iso(value) : numberWithUnit(value);
    if (parsed == null || parsed.isZero() || parsed.isNegative()) {
      throw rejected(text, DURATION_SYNTAX);
    }
    return parsed;
  }

  /**
   * Parses a fraction strictly between 0 and 1, or a percentage.
   *
   * @throws IllegalArgumentException when {@code text} (null included) is not one
   */
  public static double fraction(String text) {
    String value = text == null ? "" : text.trim();
    boolean percent = value.endsWith("%");
    String number = percent ? value.substring(0, value.length() - 1).trim() : value;
    // Digits and one dot only: Double.parseDouble would also take "NaN", "1e-1", "0x1p-1" and "0.5d".
    if (!number.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
      throw rejected(text, FRACTION_SYNTAX);
    }
    double fraction = Double.parseDouble(number) / (percent ? 100 : 1);
    if (!(fraction > 0 && fraction < 1)) {
      throw rejected(text, FRACTION_SYNTAX);
    }
    return fraction;
  }

  /**
   * Formats a duration, to the millisecond, the way {@link #duration} reads it back: in the largest
   * unit of at most hours that is exact ({@code 5m}, {@code 1500ms}).
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0ms";
    }
    if (millis % MILLIS_PER_HOUR == 0) {
      return millis / MILLIS_PER_HOUR + "h";
    }
    if (millis % MILLIS_PER_MINUTE == 0) {
      return millis / MILLIS_PER_MINUTE + "m";
    }
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** The rejection of {@code text}, which is not {@code syntax}. */
  static IllegalArgumentException rejected(String text, String syntax) {
    return new IllegalArgumentException("'" + text + "' is not " + syntax);
  }

  private static Duration iso(String value) {
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration numberWithUnit(String value) {
    Matcher matcher = NUMBER_WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      return null;
    }
    long amount = Long.parseLong(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    try {
      return switch (unit) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
