package io.triplestore.agent;

import java.util.Locale;

/** Whether the agent ever releases a snapshot itself. */
enum ReleaseMode {
  /** Observe and warn: only the host releases its snapshots. The default, and the safe choice. */
  NEVER,
  /**
   * Release a snapshot whose TTL ran out or whose owner thread died. Unsafe: if the host still reads
   * through a {@code ReadOptions} that holds the snapshot, that read is a native use-after-free.
   */
  EXPIRED;

  static ReleaseMode parse(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "never" -> NEVER;
      case "expired" -> EXPIRED;
      default -> throw new IllegalArgumentException("'" + text + "' is not a release mode: use never or expired");
    };
  }

  String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
