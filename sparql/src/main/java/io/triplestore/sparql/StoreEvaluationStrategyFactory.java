package io.triplestore.sparql;

import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.evaluation.EvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.federation.FederatedServiceResolver;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.DefaultEvaluationStrategyFactory;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;

/**
 * RDF4J's default evaluation strategy with this Sail's optimizer pipeline ({@link
 * StoreOptimizerPipeline}): the pipeline is where the default-graph semantics are applied.
 *
 * <p>Concurrency: thread-safe once configured; each query gets a strategy of its own.
 */
final class StoreEvaluationStrategyFactory extends DefaultEvaluationStrategyFactory {

  private final DefaultGraph defaultGraph;

  StoreEvaluationStrategyFactory(FederatedServiceResolver resolver, DefaultGraph defaultGraph) {
    super(resolver);
    this.defaultGraph = defaultGraph;
  }

  @Override
  public EvaluationStrategy createEvaluationStrategy(Dataset dataset, TripleSource tripleSource,
      EvaluationStatistics statistics) {
    EvaluationStrategy strategy = super.createEvaluationStrategy(dataset, tripleSource, statistics);
    strategy.setOptimizerPipeline(new StoreOptimizerPipeline(strategy, tripleSource, statistics, defaultGraph));
    return strategy;
  }
}
