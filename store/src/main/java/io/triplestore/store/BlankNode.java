package io.triplestore.store;

import java.util.Objects;

/**
 * A blank node, known by its label. Labels are kept as imported, so {@code _:b1} in two imports
 * is the same node, and an export writes the label unchanged.
 *
 * @param label a label as N-Triples allows it ({@code BLANK_NODE_LABEL} without the {@code _:})
 */
public record BlankNode(String label) implements Term {

  public BlankNode {
    Objects.requireNonNull(label, "label");
    if (!isValidLabel(label)) {
      throw new IllegalArgumentException("not a valid N-Triples blank node label: '" + label + "'");
    }
  }

  public static BlankNode of(String label) {
    return new BlankNode(label);
  }

  @Override
  public String toString() {
    return toNTriples();
  }

  /** The N-Triples 1.1 grammar: (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?. */
  private static boolean isValidLabel(String label) {
    int[] codePoints = label.codePoints().toArray();
    if (codePoints.length == 0) {
      return false;
    }
    int first = codePoints[0];
    if (!(isUnderscoreOrBase(first) || (first >= '0' && first <= '9'))) {
      return false;
    }
    for (int i = 1; i < codePoints.length; i++) {
      int c = codePoints[i];
      boolean last = i == codePoints.length - 1;
      if (!(isNameChar(c) || (c == '.' && !last))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(int c) {
    return isUnderscoreOrBase(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7
        || (c >= 0x0300 && c <= 0x036F) || (c >= 0x203F && c <= 0x2040);
  }

  private static boolean isUnderscoreOrBase(int c) {
    return c == '_' || c == ':' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (c >= 0x00C0 && c <= 0x00D6) || (c >= 0x00D8 && c <= 0x00F6) || (c >= 0x00F8 && c <= 0x02FF)
        || (c >= 0x0370 && c <= 0x037D) || (c >= 0x037F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
  }
}
