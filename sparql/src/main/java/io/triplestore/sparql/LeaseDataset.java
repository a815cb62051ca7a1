package io.triplestore.sparql;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.Term;
import io.triplestore.store.TripleStore;
import java.util.List;
import java.util.Map;
import org.eclipse.rdf4j.common.iteration.CloseableIteration;
import org.eclipse.rdf4j.common.iteration.CloseableIteratorIteration;
import org.eclipse.rdf4j.common.iteration.ConvertingIteration;
import org.eclipse.rdf4j.common.iteration.DistinctIteration;
import org.eclipse.rdf4j.common.iteration.EmptyIteration;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.sail.base.SailDataset;

/**
 * A consistent read view of the store: one {@link SnapshotLease} of the store's registry, held
 * from the dataset's opening to its close. RDF4J opens one per query (or, at {@code SNAPSHOT}
 * isolation, one per transaction), so every query reads at one lease, which operators see (owner
 * {@code sparql}) and can release; a read after the release fails naming the lease and reason.
 *
 * <p>Concurrency: a dataset may be read from several threads (RDF4J may evaluate parts of a query
 * in parallel); every read goes through the lease, which is thread-safe, and each iteration is for
 * one thread. {@link #close()} releases the lease; reads still running then fail.
 */
final class LeaseDataset implements SailDataset {

  private final TripleStore store;
  private final SnapshotLease lease;
  private final Map<String, String> namespaces;
  /** Whether the lease is this dataset's to release; a borrowed one is the caller's. */
  private final boolean owned;

  /**
   * Takes a lease of {@code store}'s registry, owned by this dataset: one closed is released at
   * once, one forgotten is released (reason {@code OWNER_DOWN}) once it is garbage-collected.
   */
  LeaseDataset(TripleStore store, LeaseOptions.Builder lease, Map<String, String> namespaces) {
    this.store = store;
    // Publishing this to the registry before the constructor ends is safe: it is only held weakly.
    this.lease = store.registry().create(lease.owner(this).build());
    this.namespaces = namespaces;
    this.owned = true;
  }

  private LeaseDataset(TripleStore store, SnapshotLease borrowed, Map<String, String> namespaces) {
    this.store = store;
    this.lease = borrowed;
    this.namespaces = namespaces;
    this.owned = false;
  }

  /**
   * A dataset at a lease its caller holds (a query at an existing snapshot): closing the dataset
   * leaves the lease alone; releasing the lease fails the dataset's reads as with an own one.
   */
  static LeaseDataset borrowing(TripleStore store, SnapshotLease lease, Map<String, String> namespaces) {
    return new LeaseDataset(store, lease, namespaces);
  }

  TripleStore store() {
    return store;
  }

  SnapshotLease lease() {
    return lease;
  }

  @Override
  public CloseableIteration<? extends Statement> getStatements(
      Resource subj, IRI pred, Value obj, Resource... contexts) {
    if (!Values.storable(subj) || !Values.storable(obj)) {
      return new EmptyIteration<>(); // RDF-star triples are never stored: nothing matches them
    }
    Term s = Values.toTerm(subj);
    Term p = Values.toTerm(pred);
    Term o = Values.toTerm(obj);
    List<QuadPattern> patterns = GraphSelectors.of(contexts).stream()
        .map(graphs -> QuadPattern.of(s, p, o, graphs))
        .toList();
    return new QuadIteration(this, patterns);
  }

  /**
   * The named graphs holding at least one quad at the lease. A scan of the named graphs' quads at
   * the lease, not the store's graph list, which is the latest state: a graph emptied or created
   * after the lease was taken must not change what this dataset shows. Costs a read of every
   * named-graph quad; an O(graphs) list at a lease would need a store method.
   */
  @Override
  public CloseableIteration<? extends Resource> getContextIDs() {
    QuadIteration quads = new QuadIteration(this,
        List.of(QuadPattern.of(null, null, null, GraphSelector.NAMED)));
    return new DistinctIteration<>(new ConvertingIteration<Statement, Resource>(quads) {
      @Override
      protected Resource convert(Statement statement) {
        return statement.getContext();
      }
    });
  }

  @Override
  public CloseableIteration<? extends Namespace> getNamespaces() {
    return new CloseableIteratorIteration<>(
        namespaces.entrySet().stream().map(Namespaces::namespace).iterator());
  }

  @Override
  public String getNamespace(String prefix) {
    return namespaces.get(prefix);
  }

  /** Releases the lease if it is this dataset's own. Idempotent, as the lease's close is. */
  @Override
  public void close() {
    if (owned) {
      lease.close();
    }
  }

  @Override
  public String toString() {
    return "LeaseDataset[lease " + lease.id() + "]";
  }
}
