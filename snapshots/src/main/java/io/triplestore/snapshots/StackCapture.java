package io.triplestore.snapshots;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether a lease records the stack that created it. Capturing costs a few microseconds, so the
 * choice is between no stacks, a sample, and all of them.
 */
public final class StackCapture {

  private static final StackCapture OFF = new StackCapture(0);
  private static final StackCapture ALL = new StackCapture(1);

  private final int oneIn;

  private StackCapture(int oneIn) {
    this.oneIn = oneIn;
  }

  /** Never capture. The default. */
  public static StackCapture off() {
    return OFF;
  }

  /** Capture every creation stack. */
  public static StackCapture all() {
    return ALL;
  }

  /** Capture the stack of one lease in {@code n}, chosen at random. */
  public static StackCapture sampled(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("stack sampling rate must be 1 or more (1 in N leases): " + n);
    }
    return n == 1 ? ALL : new StackCapture(n);
  }

  /**
   * Parses {@code off}, {@code all} or {@code sample:N} (also {@code sampled:N}), blanks around
   * the text and case aside; the stack capture part of the {@link Settings} grammar.
   *
   * @throws IllegalArgumentException naming the value and what is allowed
   */
  public static StackCapture parse(String text) {
    String value = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    if (value.equals("off")) {
      return OFF;
    }
    if (value.equals("all")) {
      return ALL;
    }
    int colon = value.indexOf(':');
    if (colon > 0 && (value.startsWith("sample:") || value.startsWith("sampled:"))) {
      try {
        int n = Integer.parseInt(value.substring(colon + 1));
        if (n >= 1) {
          return sampled(n);
        }
      } catch (NumberFormatException e) {
        // fall through to the common message
      }
    }
    throw Settings.rejected(text, Settings.STACK_CAPTURE_SYNTAX);
  }

  /** 0 when off, 1 when all, N when sampled one in N. */
  public int oneIn() {
    return oneIn;
  }

  boolean shouldCapture() {
    return oneIn == 1 || (oneIn > 1 && ThreadLocalRandom.current().nextInt(oneIn) == 0);
  }

  @Override
  public String toString() {
    return oneIn == 0 ? "off" : oneIn == 1 ? "all" : "sample:" + oneIn;
  }
}
