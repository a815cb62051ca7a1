package io.triplestore.sparql;

import org.eclipse.rdf4j.model.vocabulary.RDF4J;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.ArbitraryLengthPath;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.StatementPattern.Scope;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.algebra.ZeroLengthPath;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryOptimizer;
import org.eclipse.rdf4j.query.algebra.helpers.AbstractSimpleQueryModelVisitor;

/**
 * Makes a query without a dataset ({@code FROM}, {@code USING}, {@code WITH}) read the store's
 * unnamed default graph only: each pattern outside {@code GRAPH} gets the constant context {@code
 * rdf4j:nil}, which RDF4J's evaluation reads as "the null context", that is the default graph.
 * Without this, RDF4J reads a pattern outside {@code GRAPH} from every graph (its union default
 * graph, a multiset). Patterns inside {@code GRAPH} keep their scope, and RDF4J already keeps the
 * default graph out of those. A query with a dataset is left as it is: its {@code FROM} list is
 * its default graph.
 *
 * <p>Runs first in the pipeline, so that the join optimizer's estimates see the default graph.
 *
 * <p>Concurrency: stateless, thread-safe.
 */
final class DefaultGraphOptimizer implements QueryOptimizer {

  static final DefaultGraphOptimizer INSTANCE = new DefaultGraphOptimizer();

  private DefaultGraphOptimizer() {}

  @Override
  public void optimize(TupleExpr tupleExpr, Dataset dataset, BindingSet bindings) {
    if (names(dataset)) {
      return;
    }
    tupleExpr.visit(new AbstractSimpleQueryModelVisitor<RuntimeException>(false) {
      @Override
      public void meet(StatementPattern pattern) {
        if (readsEveryGraph(pattern)) {
          // A pattern's vars are fixed at construction: replace it with one that has a context.
          pattern.replaceWith(inDefaultGraph(pattern));
        }
      }

      // Property paths evaluate their zero-length and repeated steps with a context of their own.
      @Override
      public void meet(ZeroLengthPath path) {
        if (path.getScope() == Scope.DEFAULT_CONTEXTS && path.getContextVar() == null) {
          path.setContextVar(defaultGraph());
        }
        super.meet(path);
      }

      @Override
      public void meet(ArbitraryLengthPath path) {
        if (path.getScope() == Scope.DEFAULT_CONTEXTS && path.getContextVar() == null) {
          path.setContextVar(defaultGraph());
        }
        super.meet(path);
      }
    });
  }

  /** Whether {@code pattern}, outside {@code GRAPH} and without a context, reads every graph. */
  static boolean readsEveryGraph(StatementPattern pattern) {
    return pattern.getScope() == Scope.DEFAULT_CONTEXTS && pattern.getContextVar() == null;
  }

  /** A copy of {@code pattern} that reads the default graph only. */
  static StatementPattern inDefaultGraph(StatementPattern pattern) {
    return new StatementPattern(Scope.DEFAULT_CONTEXTS, pattern.getSubjectVar().clone(),
        pattern.getPredicateVar().clone(), pattern.getObjectVar().clone(), defaultGraph());
  }

  /**
   * Whether a dataset is named: RDF4J hands an update's {@code WHERE} an empty dataset rather than
   * none, and reads an empty one as no dataset; so do we.
   */
  static boolean names(Dataset dataset) {
    return dataset != null && !(dataset.getDefaultGraphs().isEmpty() && dataset.getNamedGraphs().isEmpty());
  }

  private static Var defaultGraph() {
    return new Var("_const_default_graph", RDF4J.NIL, true, true);
  }
}
