package io.triplestore.sparql;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.query.algebra.evaluation.EvaluationStrategy;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryOptimizer;
import org.eclipse.rdf4j.query.algebra.evaluation.QueryOptimizerPipeline;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.query.algebra.evaluation.optimizer.QueryJoinOptimizer;
import org.eclipse.rdf4j.query.algebra.evaluation.optimizer.StandardQueryOptimizerPipeline;

/**
 * RDF4J's standard optimizer pipeline, preceded (for {@link DefaultGraph#UNNAMED}) by the
 * {@link DefaultGraphOptimizer}, so every later step, the join optimizer's estimates included,
 * sees which graphs each pattern reads; its join optimizer is {@link StoreJoinOptimizer}, which
 * knows what a filter's {@code EXISTS} group has bound.
 *
 * <p>Concurrency: one per query evaluation, like the strategy it belongs to.
 */
final class StoreOptimizerPipeline implements QueryOptimizerPipeline {

  private final QueryOptimizerPipeline standard;
  private final DefaultGraph defaultGraph;
  private final QueryJoinOptimizer joinOptimizer;

  StoreOptimizerPipeline(EvaluationStrategy strategy, TripleSource tripleSource,
      EvaluationStatistics statistics, DefaultGraph defaultGraph) {
    this.standard = new StandardQueryOptimizerPipeline(strategy, tripleSource, statistics);
    this.defaultGraph = defaultGraph;
    this.joinOptimizer = new StoreJoinOptimizer(statistics, strategy.isTrackResultSize(), tripleSource);
  }

  @Override
  public Iterable<QueryOptimizer> getOptimizers() {
    List<QueryOptimizer> optimizers = new ArrayList<>();
    if (defaultGraph == DefaultGraph.UNNAMED) {
      optimizers.add(DefaultGraphOptimizer.INSTANCE);
    }
    for (QueryOptimizer optimizer : standard.getOptimizers()) {
      // RDF4J's join optimizer, exactly (not a subclass someone configured), gives way to ours.
      optimizers.add(optimizer.getClass() == QueryJoinOptimizer.class ? joinOptimizer : optimizer);
    }
    if (!optimizers.contains(joinOptimizer)) {
      throw new IllegalStateException("RDF4J's optimizer pipeline has no QueryJoinOptimizer to replace: " + optimizers);
    }
    return optimizers;
  }
}
