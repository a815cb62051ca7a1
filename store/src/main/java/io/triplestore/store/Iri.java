package io.triplestore.store;

import java.util.Objects;

/** An IRI, e.g. {@code http://example.org/alice}. Not resolved or normalised. */
public record Iri(String value) implements Term {

  public Iri {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an IRI must not be empty");
    }
  }

  public static Iri of(String value) {
    return new Iri(value);
  }

  @Override
  public String toString() {
    return toNTriples();
  }
}
