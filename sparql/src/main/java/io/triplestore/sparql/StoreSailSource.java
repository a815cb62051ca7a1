package io.triplestore.sparql;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.store.TripleStore;
import java.util.Optional;
import org.eclipse.rdf4j.common.transaction.IsolationLevel;
import org.eclipse.rdf4j.sail.base.BackingSailSource;
import org.eclipse.rdf4j.sail.base.SailDataset;
import org.eclipse.rdf4j.sail.base.SailSink;

/**
 * The store's explicit statements as RDF4J sees them: each {@link #dataset} is a new lease, each
 * {@link #sink} a batch that commits atomically. RDF4J forks it ({@link #fork()}, a {@code
 * SailSourceBranch}) per transaction and per read, keeping uncommitted changes in memory above it.
 *
 * <p>Concurrency: thread-safe; datasets and sinks are independent of one another.
 */
final class StoreSailSource extends BackingSailSource {

  /** The owner label operators see on every lease a SPARQL query or update holds. */
  static final String LEASE_LABEL = "sparql";

  private final TripleStore store;
  private final StoreWriter writer;
  private final LeaseSettings leases;

  StoreSailSource(TripleStore store, StoreWriter writer, LeaseSettings leases) {
    this.store = store;
    this.writer = writer;
    this.leases = leases;
  }

  @Override
  public SailSink sink(IsolationLevel level) {
    return new StoreSink(writer);
  }

  @Override
  public SailDataset dataset(IsolationLevel level) {
    QueryLease request = leases.current().orElse(null);
    if (request != null && request.existing() != null) {
      return LeaseDataset.borrowing(store, request.existing(), writer.namespaces().copy());
    }
    LeaseOptions.Builder lease = LeaseOptions.builder().label(request == null ? LEASE_LABEL : request.label());
    if (request != null) {
      lease.description(request.description());
    }
    (request != null && request.ttl() != null ? Optional.of(request.ttl()) : leases.ttl()).ifPresent(lease::ttl);
    return new LeaseDataset(store, lease, writer.namespaces().copy());
  }
}
