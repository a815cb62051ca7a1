package io.triplestore.sparql;

import io.triplestore.store.CloseableIterator;
import io.triplestore.store.Quad;
import io.triplestore.store.QuadPattern;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.eclipse.rdf4j.common.iteration.AbstractCloseableIteration;
import org.eclipse.rdf4j.model.Statement;

/**
 * The statements matching one or more quad patterns at a lease, scanned one pattern after the
 * other (several RDF4J contexts are several scans). Each scan is opened only when the previous one
 * is exhausted, so at most one store iterator is open at a time. It holds its dataset strongly: the
 * dataset owns the lease (held weakly by the registry), and must not be collected, releasing the
 * lease, while a query still reads through it.
 *
 * <p>Concurrency: for one thread at a time, like the store's iterators.
 */
final class QuadIteration extends AbstractCloseableIteration<Statement> {

  private final LeaseDataset dataset;
  private final Iterator<QuadPattern> patterns;
  private CloseableIterator<Quad> current;

  QuadIteration(LeaseDataset dataset, List<QuadPattern> patterns) {
    this.dataset = dataset;
    this.patterns = patterns.iterator();
  }

  @Override
  public boolean hasNext() {
    if (isClosed()) {
      return false;
    }
    return LeaseReads.read(dataset.lease(), this::advance);
  }

  @Override
  public Statement next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return Values.toStatement(LeaseReads.read(dataset.lease(), current::next));
  }

  private boolean advance() {
    while (current == null || !current.hasNext()) {
      closeCurrent();
      if (!patterns.hasNext()) {
        return false;
      }
      current = dataset.store().match(patterns.next(), dataset.lease());
    }
    return true;
  }

  private void closeCurrent() {
    if (current != null) {
      CloseableIterator<Quad> toClose = current;
      current = null;
      toClose.close();
    }
  }

  @Override
  protected void handleClose() {
    closeCurrent();
  }
}
