package io.triplestore.daemon.jmx;

import java.util.Locale;

/** Byte counts as an operator reads them: {@code 83.1 MiB}. */
public final class ByteSizes {

  private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

  private ByteSizes() {}

  /** {@code bytes} in the largest binary unit that keeps the number at 1 or more, one decimal. */
  public static String format(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
  }
}
