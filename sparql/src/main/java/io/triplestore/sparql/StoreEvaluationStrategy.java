package io.triplestore.sparql;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.BinaryValueOperator;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.UnaryValueOperator;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryValueEvaluationStep;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.ValueExprEvaluationException;
import org.eclipse.rdf4j.query.algebra.evaluation.federation.FederatedServiceResolver;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.DefaultEvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.QueryEvaluationContext;

/**
 * RDF4J's default strategy, except that an expression error in constant operands stays an
 * expression error. RDF4J 5.1 folds an operator whose operands are both constant while it
 * compiles the query ({@code DefaultEvaluationStrategy.supplyBinaryValueEvaluation} and {@code
 * supplyUnaryValueEvaluation}), and lets the error escape the compilation: {@code SELECT (1/0 AS
 * ?x) {}}, or a {@code VALUES} row that the optimizer inlined as constants, then fails the whole
 * query. (The {@code ConstantOptimizer} itself catches such errors; the compile step does not.)
 * Here the error becomes a step that raises it for each solution, where SPARQL's rules apply: the
 * variable of a {@code BIND} or projection stays unbound, a {@code FILTER} is false. RDF4J does
 * the same for constant function calls ({@code QueryValueEvaluationStep.Fail}).
 *
 * <p>It also keeps to the default graph the patterns that RDF4J builds while a query runs, past
 * the optimizer: {@code DESCRIBE} evaluates one pattern per described resource (see {@link
 * DefaultGraph#UNNAMED} and {@link DefaultGraphOptimizer}).
 *
 * <p>Concurrency: one per query, as every RDF4J strategy.
 */
final class StoreEvaluationStrategy extends DefaultEvaluationStrategy {

  private final boolean defaultGraphOnly;

  StoreEvaluationStrategy(TripleSource tripleSource, Dataset dataset, FederatedServiceResolver resolver,
      long cacheThreshold, EvaluationStatistics statistics, boolean trackResultSize, DefaultGraph defaultGraph) {
    super(tripleSource, dataset, resolver, cacheThreshold, statistics, trackResultSize);
    this.defaultGraphOnly = defaultGraph == DefaultGraph.UNNAMED && !DefaultGraphOptimizer.names(dataset);
  }

  /** Where {@code DESCRIBE}'s patterns come in: they are built at run time and never optimized. */
  @Override
  public CloseableIteration<BindingSet> evaluate(TupleExpr expr, BindingSet bindings) {
    if (defaultGraphOnly && expr instanceof StatementPattern pattern && DefaultGraphOptimizer.readsEveryGraph(pattern)) {
      return super.evaluate(DefaultGraphOptimizer.inDefaultGraph(pattern), bindings);
    }
    return super.evaluate(expr, bindings);
  }

  @Override
  protected QueryValueEvaluationStep supplyBinaryValueEvaluation(BinaryValueOperator node,
      BiFunction<Value, Value, Value> operation, QueryEvaluationContext context) {
    try {
      return super.supplyBinaryValueEvaluation(node, operation, context);
    } catch (ValueExprEvaluationException e) {
      return failing(e);
    }
  }

  @Override
  protected QueryValueEvaluationStep supplyUnaryValueEvaluation(UnaryValueOperator node,
      Function<Value, Value> operation, QueryEvaluationContext context) {
    try {
      return super.supplyUnaryValueEvaluation(node, operation, context);
    } catch (ValueExprEvaluationException e) {
      return failing(e);
    }
  }

  private static QueryValueEvaluationStep failing(ValueExprEvaluationException e) {
    return new QueryValueEvaluationStep.Fail("constant expression error: " + e.getMessage());
  }
}
