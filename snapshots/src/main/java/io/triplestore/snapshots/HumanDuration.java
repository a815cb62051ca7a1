package io.triplestore.snapshots;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations as an operator reads them in a log line or a table: {@code 850ms}, {@code 2.5s},
 * {@code 2m 07s}, {@code 1h 05m}, {@code 2d 03h}; a negative one (overdue) with a leading minus.
 * Two units at most, the smaller one truncated: these are for reading, not for arithmetic (JMX
 * attributes and JSON carry the exact milliseconds beside them).
 */
public final class HumanDuration {

  private HumanDuration() {}

  /** {@code duration} in at most two units. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    long millis = duration.toMillis();
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%d.%ds", millis / 1_000, millis % 1_000 / 100);
    }
    long seconds = millis / 1_000;
    if (seconds < 3_600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    if (seconds < 86_400) {
      return String.format(Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
    }
    return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3_600);
  }
}
