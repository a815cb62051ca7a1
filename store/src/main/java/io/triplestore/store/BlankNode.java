package io.triplestore.store;

import java.util.Objects;

/**
 * A blank node, known by its label. Labels are kept as imported, so {@code _:b1} in two imports
 * is the same node.
 */
public record BlankNode(String label) implements Term {

  public BlankNode {
    Objects.requireNonNull(label, "label");
    if (label.isEmpty()) {
      throw new IllegalArgumentException("a blank node label must not be empty");
    }
  }

  public static BlankNode of(String label) {
    return new BlankNode(label);
  }

  @Override
  public String toString() {
    return toNTriples();
  }
}
