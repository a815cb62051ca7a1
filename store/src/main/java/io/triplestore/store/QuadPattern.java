package io.triplestore.store;

import java.util.Objects;

/**
 * A quad pattern: subject, predicate and object each bound to a term or unbound ({@code null},
 * matches anything), and the graphs to read.
 */
public record QuadPattern(Term subject, Term predicate, Term object, GraphSelector graphs) {

  private static final QuadPattern ANY = new QuadPattern(null, null, null, GraphSelector.ALL);

  public QuadPattern {
    Objects.requireNonNull(graphs, "graphs");
  }

  /** The pattern that matches every quad of every graph. */
  public static QuadPattern any() {
    return ANY;
  }

  /** A pattern; pass {@code null} for an unbound position. */
  public static QuadPattern of(Term subject, Term predicate, Term object, GraphSelector graphs) {
    return new QuadPattern(subject, predicate, object, graphs);
  }

  /** {@code pattern} in the graphs {@code graphs}. */
  public static QuadPattern of(TriplePattern pattern, GraphSelector graphs) {
    return new QuadPattern(pattern.subject(), pattern.predicate(), pattern.object(), graphs);
  }

  /** Whether {@code quad} matches this pattern. */
  public boolean matches(Quad quad) {
    return (subject == null || subject.equals(quad.subject()))
        && (predicate == null || predicate.equals(quad.predicate()))
        && (object == null || object.equals(quad.object()))
        && graphs.selects(quad.graph());
  }

  /** The subject, predicate and object part. */
  public TriplePattern triplePattern() {
    return new TriplePattern(subject, predicate, object);
  }
}
