package io.triplestore.sparql;

import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.query.algebra.evaluation.EvaluationStrategyFactory;
import org.eclipse.rdf4j.sail.UpdateContext;
import org.eclipse.rdf4j.sail.base.SailSourceConnection;
import org.eclipse.rdf4j.sail.base.SailStore;

/**
 * A connection to the {@link TripleStoreSail}: RDF4J's {@link SailSourceConnection} (queries on a
 * dataset, that is a lease; transactions as in-memory changesets committed atomically), with one
 * change for {@link DefaultGraph#UNNAMED}: a SPARQL update's delete that names no graph deletes
 * from the default graph, where RDF4J deletes from every graph.
 *
 * <p>Concurrency: as any {@code SailConnection}, for one thread at a time (RDF4J synchronizes
 * what must be).
 */
final class StoreSailConnection extends SailSourceConnection {

  private final DefaultGraph defaultGraph;

  StoreSailConnection(TripleStoreSail sail, SailStore store, EvaluationStrategyFactory strategies,
      DefaultGraph defaultGraph) {
    super(sail, store, strategies);
    this.defaultGraph = defaultGraph;
  }

  /**
   * RDF4J's update executor passes no contexts for {@code DELETE DATA}, {@code DELETE WHERE} and a
   * {@code DELETE} template outside {@code GRAPH} when the update names no {@code WITH} or {@code
   * USING}; no contexts means every graph to a Sail. Here it means the default graph. The plain
   * API's {@code removeStatements} (no update context) keeps RDF4J's every-graph meaning.
   */
  @Override
  public void removeStatement(UpdateContext op, Resource subj, IRI pred, Value obj, Resource... contexts) {
    boolean everyGraph = contexts == null || contexts.length == 0;
    if (op != null && everyGraph && defaultGraph == DefaultGraph.UNNAMED) {
      super.removeStatement(op, subj, pred, obj, (Resource) null);
    } else {
      super.removeStatement(op, subj, pred, obj, contexts);
    }
  }

  /**
   * A hook RDF4J calls after it has recorded an add in the transaction (Native and LMDB stores use
   * it to note a change for Sail listeners); the change itself is already in the sink.
   */
  @Override
  protected void addStatementInternal(Resource subj, IRI pred, Value obj, Resource... contexts) {}

  /** As {@link #addStatementInternal}, for removes. */
  @Override
  protected void removeStatementsInternal(Resource subj, IRI pred, Value obj, Resource... contexts) {}
}
