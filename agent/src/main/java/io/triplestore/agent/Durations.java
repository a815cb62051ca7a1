package io.triplestore.agent;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the durations of agent options: ISO-8601 ({@code PT2S}), or {@code 500ms 2s 5m 1h}, or bare millis. */
final class Durations {

  private static final Pattern SHORT_FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

  private Durations() {}

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException if it is not one of the accepted forms
   */
  static Duration parse(String text) {
    String value = text.trim();
    if (value.regionMatches(true, 0, "PT", 0, 2) || value.regionMatches(true, 0, "P", 0, 1)) {
      try {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw invalid(text);
      }
    }
    Matcher m = SHORT_FORM.matcher(value.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw invalid(text);
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not a duration: use ISO-8601 (PT2S) or a number with ms, s, m or h (500ms, 2s, 5m, 1h);"
            + " a bare number is milliseconds");
  }
}
