package io.triplestore.store;

/**
 * A triple pattern: each position is bound to a term or unbound ({@code null}, matches anything).
 */
public record TriplePattern(Term subject, Term predicate, Term object) {

  private static final TriplePattern ANY = new TriplePattern(null, null, null);

  /** The pattern that matches every triple. */
  public static TriplePattern any() {
    return ANY;
  }

  /** A pattern; pass {@code null} for an unbound position. */
  public static TriplePattern of(Term subject, Term predicate, Term object) {
    return new TriplePattern(subject, predicate, object);
  }

  /** Whether {@code triple} matches this pattern. */
  public boolean matches(Triple triple) {
    return (subject == null || subject.equals(triple.subject()))
        && (predicate == null || predicate.equals(triple.predicate()))
        && (object == null || object.equals(triple.object()));
  }

  /** Whether no position is bound. */
  public boolean isUnbound() {
    return subject == null && predicate == null && object == null;
  }
}
