package io.triplestore.store;

import java.util.Objects;

/**
 * One statement. The subject is an IRI or a blank node, the predicate an IRI, the object any term.
 */
public record Triple(Term subject, Iri predicate, Term object) {

  public Triple {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(object, "object");
    if (subject instanceof Literal) {
      throw new IllegalArgumentException("a subject must be an IRI or a blank node, not the literal " + subject);
    }
  }

  public static Triple of(Term subject, Iri predicate, Term object) {
    return new Triple(subject, predicate, object);
  }

  /** The triple as one N-Triples line, without the line break. */
  public String toNTriples() {
    return subject.toNTriples() + " " + predicate.toNTriples() + " " + object.toNTriples() + " .";
  }

  @Override
  public String toString() {
    return toNTriples();
  }
}
