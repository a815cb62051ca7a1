package io.triplestore.sparql;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.TripleStore;
import java.util.List;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;

/**
 * Cardinalities for RDF4J's join optimizer from the store's indexes: a statement pattern's
 * cardinality is {@code store.estimate} of its quad pattern (constants bound, variables free), so
 * joins start from the pattern that matches least. Estimates are of the latest state, not of any
 * lease: a plan needs proportions, not exact counts.
 *
 * <p>Concurrency: thread-safe; each {@link #getCardinality} call makes its own calculator, and the
 * store is thread-safe.
 */
final class StoreEvaluationStatistics extends EvaluationStatistics {

  private final TripleStore store;

  StoreEvaluationStatistics(TripleStore store) {
    this.store = store;
  }

  @Override
  protected CardinalityCalculator createCardinalityCalculator() {
    return new StoreCardinalityCalculator();
  }

  /** The quad pattern a statement pattern reads, or {@code null} when it can match nothing. */
  static QuadPattern quadPattern(StatementPattern pattern) {
    Value s = value(pattern.getSubjectVar());
    Value p = value(pattern.getPredicateVar());
    Value o = value(pattern.getObjectVar());
    if (!Values.storable(s) || !Values.storable(o) || (p != null && !(p instanceof org.eclipse.rdf4j.model.IRI))) {
      return null;
    }
    GraphSelector graphs = graphs(pattern);
    return graphs == null ? null : QuadPattern.of(Values.toTerm(s), Values.toTerm(p), Values.toTerm(o), graphs);
  }

  /**
   * Which graphs a pattern reads, as the evaluation does: a constant context is that graph
   * (RDF4J's {@code nil} the default graph, which is how {@link DefaultGraphOptimizer} marks the
   * unnamed default graph); a free context in {@code GRAPH ?g} the named graphs; otherwise every
   * graph (a query's {@code FROM} list is not visible here, and every graph bounds it).
   */
  private static GraphSelector graphs(StatementPattern pattern) {
    Value context = value(pattern.getContextVar());
    if (context == null) {
      return pattern.getScope() == StatementPattern.Scope.NAMED_CONTEXTS ? GraphSelector.NAMED : GraphSelector.ALL;
    }
    List<GraphSelector> graphs = context instanceof Resource graph ? GraphSelectors.of(graph) : List.of();
    return graphs.isEmpty() ? null : graphs.get(0);
  }

  private static Value value(Var var) {
    return var == null ? null : var.getValue();
  }

  private final class StoreCardinalityCalculator extends CardinalityCalculator {
    @Override
    protected double getCardinality(StatementPattern pattern) {
      QuadPattern quads = quadPattern(pattern);
      return quads == null ? 0 : store.estimate(quads);
    }
  }
}
