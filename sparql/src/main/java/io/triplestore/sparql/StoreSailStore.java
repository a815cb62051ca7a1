package io.triplestore.sparql;

import io.triplestore.store.TripleStore;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.sail.base.SailSource;
import org.eclipse.rdf4j.sail.base.SailStore;

/**
 * The store as an RDF4J {@link SailStore}: explicit statements from {@link StoreSailSource}, no
 * inferred ones, and cardinalities from the store's estimates. Does not own the store: closing
 * this leaves the store open.
 *
 * <p>Concurrency: thread-safe, as its parts are.
 */
final class StoreSailStore implements SailStore {

  private final SailSource explicit;
  private final SailSource inferred = new NoInferredSource();
  private final EvaluationStatistics statistics;

  StoreSailStore(TripleStore store, Namespaces namespaces, LeaseSettings leases) {
    this.explicit = new StoreSailSource(store, new StoreWriter(store, namespaces), leases);
    this.statistics = new StoreEvaluationStatistics(store);
  }

  @Override
  public ValueFactory getValueFactory() {
    return Values.FACTORY;
  }

  @Override
  public EvaluationStatistics getEvaluationStatistics() {
    return statistics;
  }

  @Override
  public SailSource getExplicitSailSource() {
    return explicit;
  }

  @Override
  public SailSource getInferredSailSource() {
    return inferred;
  }

  @Override
  public void close() {
    // The store is the caller's to close; datasets close their own leases.
  }
}
