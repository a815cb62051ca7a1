package io.triplestore.store;

import java.util.Objects;

/**
 * Which graphs a {@link QuadPattern} reads: every graph ({@link #ALL}: the default graph and every
 * named graph), the default graph only ({@link #DEFAULT}), the union of the named graphs
 * ({@link #NAMED}), or one named graph ({@link #named(Term)}). Each is a prefix scan of one index
 * ({@code ALL}: one of the default graph's and one of the named graphs').
 */
public sealed interface GraphSelector {

  /** The default graph and every named graph. */
  GraphSelector ALL = new All();

  /** The default graph only. */
  GraphSelector DEFAULT = new DefaultGraph();

  /** Every named graph, not the default graph. */
  GraphSelector NAMED = new AnyNamed();

  /** The named graph {@code name}, an {@link Iri} or a {@link BlankNode}. */
  static GraphSelector named(Term name) {
    return new Named(name);
  }

  /**
   * The selector of a graph position that is either bound to a graph ({@code null}: the default
   * graph) or, when {@code bound} is false, free (every graph).
   */
  static GraphSelector of(boolean bound, Term graph) {
    return !bound ? ALL : graph == null ? DEFAULT : named(graph);
  }

  /** Whether a quad in {@code graph} ({@code null}: the default graph) is selected. */
  boolean selects(Term graph);

  /** The default graph and every named graph. */
  record All() implements GraphSelector {
    @Override
    public boolean selects(Term graph) {
      return true;
    }
  }

  /** The default graph only. */
  record DefaultGraph() implements GraphSelector {
    @Override
    public boolean selects(Term graph) {
      return graph == null;
    }
  }

  /** The union of the named graphs. */
  record AnyNamed() implements GraphSelector {
    @Override
    public boolean selects(Term graph) {
      return graph != null;
    }
  }

  /** One named graph. */
  record Named(Term name) implements GraphSelector {
    public Named {
      Objects.requireNonNull(name, "name");
      if (name instanceof Literal) {
        throw new IllegalArgumentException("a graph name must be an IRI or a blank node, not the literal " + name);
      }
    }

    @Override
    public boolean selects(Term graph) {
      return name.equals(graph);
    }
  }
}
