package io.triplestore.sparql;

import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.common.iteration.EmptyIteration;
import org.eclipse.rdf4j.common.transaction.IsolationLevel;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.sail.SailException;
import org.eclipse.rdf4j.sail.base.BackingSailSource;
import org.eclipse.rdf4j.sail.base.SailDataset;
import org.eclipse.rdf4j.sail.base.SailSink;

/**
 * The inferred statements RDF4J asks every store for: the store does no inference and has none,
 * so reads are empty (and take no lease) and a write fails naming why. Only a reasoner stacked on
 * this Sail would write here.
 *
 * <p>Concurrency: stateless, thread-safe.
 */
final class NoInferredSource extends BackingSailSource {

  @Override
  public SailSink sink(IsolationLevel level) {
    throw new SailException("this store keeps no inferred statements: stack a reasoning Sail on it"
        + " only if the reasoner keeps its own inferences");
  }

  @Override
  public SailDataset dataset(IsolationLevel level) {
    return new SailDataset() {
      @Override
      public CloseableIteration<? extends Namespace> getNamespaces() {
        return new EmptyIteration<>();
      }

      @Override
      public String getNamespace(String prefix) {
        return null;
      }

      @Override
      public CloseableIteration<? extends Resource> getContextIDs() {
        return new EmptyIteration<>();
      }

      @Override
      public CloseableIteration<? extends Statement> getStatements(
          Resource subj, IRI pred, Value obj, Resource... contexts) {
        return new EmptyIteration<>();
      }

      @Override
      public void close() {}
    };
  }
}
