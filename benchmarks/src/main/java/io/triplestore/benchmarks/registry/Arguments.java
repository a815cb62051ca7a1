package io.triplestore.benchmarks.registry;

/** Command-line arguments of the measurement mains (the registry's and the SPARQL mix's). */
public final class Arguments {

  private Arguments() {}

  /** {@code text} as a positive int ({@code 1_000_000} allowed), or an error naming {@code what}. */
  public static int positive(String what, String text) {
    try {
      int value = Integer.parseInt(text.replace("_", ""));
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the common message
    }
    throw new IllegalArgumentException(what + " must be a positive whole number, got '" + text + "'");
  }
}
