package io.triplestore.store;

import java.util.Objects;

/**
 * One statement in one graph: a {@link Triple}'s three terms plus the graph it is in, the default
 * graph ({@code graph == null}) or a named graph (an {@link Iri} or a {@link BlankNode}).
 */
public record Quad(Term subject, Iri predicate, Term object, Term graph) {

  public Quad {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(object, "object");
    if (subject instanceof Literal) {
      throw new IllegalArgumentException("a subject must be an IRI or a blank node, not the literal " + subject);
    }
    if (graph instanceof Literal) {
      throw new IllegalArgumentException("a graph name must be an IRI or a blank node, not the literal " + graph);
    }
  }

  /** A quad in the named graph {@code graph}, or in the default graph when it is {@code null}. */
  public static Quad of(Term subject, Iri predicate, Term object, Term graph) {
    return new Quad(subject, predicate, object, graph);
  }

  /** {@code triple} in the named graph {@code graph}, or in the default graph when it is {@code null}. */
  public static Quad of(Triple triple, Term graph) {
    return new Quad(triple.subject(), triple.predicate(), triple.object(), graph);
  }

  /** {@code triple} in the default graph. */
  public static Quad inDefaultGraph(Triple triple) {
    return of(triple, null);
  }

  /** Whether this quad is in the default graph. */
  public boolean inDefaultGraph() {
    return graph == null;
  }

  /** The quad's statement, without its graph. */
  public Triple triple() {
    return new Triple(subject, predicate, object);
  }

  /** The quad as one N-Quads line, without the line break. */
  public String toNQuads() {
    String spo = subject.toNTriples() + " " + predicate.toNTriples() + " " + object.toNTriples();
    return graph == null ? spo + " ." : spo + " " + graph.toNTriples() + " .";
  }

  @Override
  public String toString() {
    return toNQuads();
  }
}
