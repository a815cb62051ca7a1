package io.triplestore.sparql;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.BinaryValueOperator;
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
 * <p>Concurrency: one per query, as every RDF4J strategy.
 */
final class StoreEvaluationStrategy extends DefaultEvaluationStrategy {

  StoreEvaluationStrategy(TripleSource tripleSource, Dataset dataset, FederatedServiceResolver resolver,
      long cacheThreshold, EvaluationStatistics statistics, boolean trackResultSize) {
    super(tripleSource, dataset, resolver, cacheThreshold, statistics, trackResultSize);
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
