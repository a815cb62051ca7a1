package io.triplestore.store;

import java.util.regex.Pattern;

/**
 * What a term must be before the store takes it, beyond what the N-Triples grammar checks: text
 * that UTF-8 can carry (no lone surrogate, which RDF4J lets through from a UCHAR escape of U+D800
 * and which would be stored as {@code ?}) and a well-formed language tag ({@code "x"@en-} is not
 * one). Each check throws {@link IllegalArgumentException} naming the problem.
 */
final class TermValidation {

  /** N-Triples' LANGTAG: letters, then dash-separated letters and digits. */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-zA-Z]+(-[a-zA-Z0-9]+)*");

  private TermValidation() {}

  /** {@code text}, if it holds no lone surrogate. */
  static String text(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(what + " holds a lone surrogate U+" + Integer.toHexString(c).toUpperCase(
            java.util.Locale.ROOT) + " at character " + (i + 1) + ": not a Unicode character, cannot be stored");
      }
    }
    return text;
  }

  /** {@code tag}, if it is a well-formed language tag. */
  static String languageTag(String tag) {
    if (!LANGUAGE_TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("'" + tag + "' is not a language tag (letters, then '-' and letters or"
          + " digits, e.g. en or en-GB)");
    }
    return tag;
  }
}
