package io.triplestore.sparql;

import java.util.function.Supplier;
import org.eclipse.rdf4j.collection.factory.api.CollectionFactory;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.evaluation.EvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.federation.FederatedServiceResolver;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.DefaultEvaluationStrategyFactory;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;

/**
 * Makes each query's {@link StoreEvaluationStrategy} (expression errors in constants stay
 * expression errors) with this Sail's optimizer pipeline ({@link StoreOptimizerPipeline}, where the
 * default-graph semantics are applied).
 *
 * <p>Concurrency: thread-safe once configured; each query gets a strategy of its own.
 */
final class StoreEvaluationStrategyFactory extends DefaultEvaluationStrategyFactory {

  private final DefaultGraph defaultGraph;
  private volatile Supplier<CollectionFactory> collectionFactory;

  StoreEvaluationStrategyFactory(FederatedServiceResolver resolver, DefaultGraph defaultGraph) {
    super(resolver);
    this.defaultGraph = defaultGraph;
  }

  // The superclass keeps its collection factory private: keep a copy to hand to our strategies.
  @Override
  public void setCollectionFactory(Supplier<CollectionFactory> collectionFactory) {
    super.setCollectionFactory(collectionFactory);
    this.collectionFactory = collectionFactory;
  }

  @Override
  public EvaluationStrategy createEvaluationStrategy(Dataset dataset, TripleSource tripleSource,
      EvaluationStatistics statistics) {
    StoreEvaluationStrategy strategy = new StoreEvaluationStrategy(tripleSource, dataset,
        getFederatedServiceResolver(), getQuerySolutionCacheThreshold(), statistics, isTrackResultSize(), defaultGraph);
    strategy.setOptimizerPipeline(new StoreOptimizerPipeline(strategy, tripleSource, statistics, defaultGraph));
    if (collectionFactory != null) {
      strategy.setCollectionFactory(collectionFactory);
    }
    return strategy;
  }
}
