package io.triplestore.it.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one line each reliability scenario prints: what it did, what it injected, what it lost.
 * The line also goes to {@code target/reliability-figures.txt}, from which docs/RELIABILITY.md is
 * updated.
 */
public final class Figures {

  private final String scenario;
  private final Map<String, Object> values = new LinkedHashMap<>();
  private final long startNanos = System.nanoTime();

  private Figures(String scenario) {
    this.scenario = scenario;
  }

  public static Figures of(String scenario) {
    return new Figures(scenario);
  }

  public Figures put(String name, Object value) {
    values.put(name, value);
    return this;
  }

  /** Prints {@code RELIABILITY <scenario>: k=v, ..., seconds=s} and appends it to the figures file. */
  public String print() {
    values.put("seconds", String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9));
    String line = "RELIABILITY " + scenario + ": " + values.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    System.out.println(line);
    try {
      Path file = Path.of("target", "reliability-figures.txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line;
  }

  /** Whether the longer variants run ({@code -Dreliability.long=true}). */
  public static boolean isLong() {
    return Boolean.getBoolean("reliability.long");
  }

  /** {@code normal}, or {@code longer} under {@code -Dreliability.long=true}. */
  public static int scale(int normal, int longer) {
    return isLong() ? longer : normal;
  }
}
