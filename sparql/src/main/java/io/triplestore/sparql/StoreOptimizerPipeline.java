package io.triplestore.sparql;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.query.algebra.evaluation.EvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryOptimizer;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryOptimizerPipeline;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.query.algebra.evaluation.optimizer.StandardQueryOptimizerPipeline;

/**
 * RDF4J's standard optimizer pipeline, preceded (for {@link DefaultGraph#UNNAMED}) by the
 * {@link DefaultGraphOptimizer}, so every later step, the join optimizer's estimates included,
 * sees which graphs each pattern reads.
 *
 * <p>Concurrency: one per query evaluation, like the strategy it belongs to.
 */
final class StoreOptimizerPipeline implements QueryOptimizerPipeline {

  private final QueryOptimizerPipeline standard;
  private final DefaultGraph defaultGraph;

  StoreOptimizerPipeline(EvaluationStrategy strategy, TripleSource tripleSource,
      EvaluationStatistics statistics, DefaultGraph defaultGraph) {
    this.standard = new StandardQueryOptimizerPipeline(strategy, tripleSource, statistics);
    this.defaultGraph = defaultGraph;
  }

  @Override
  public Iterable<QueryOptimizer> getOptimizers() {
    List<QueryOptimizer> optimizers = new ArrayList<>();
    if (defaultGraph == DefaultGraph.UNNAMED) {
      optimizers.add(DefaultGraphOptimizer.INSTANCE);
    }
    standard.getOptimizers().forEach(optimizers::add);
    return optimizers;
  }
}
