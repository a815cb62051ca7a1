package io.triplestore.sparql;

import java.time.Duration;
import java.util.Optional;

/**
 * How the leases of SPARQL datasets are made: how long they live (a query still running at the end
 * of its lease's TTL fails, naming the lease, rather than pinning old data for ever), and, per
 * thread, the {@link QueryLease} of the request that thread is serving.
 *
 * <p>Concurrency: thread-safe; the TTL is volatile, a change applies to leases taken afterwards.
 * The per-request lease is thread-confined: a dataset is opened on the thread that runs the query
 * or update (RDF4J's parallel evaluation shares the query's one dataset), and a connection is
 * used by one thread at a time, so the thread is what ties a dataset to its request.
 */
final class LeaseSettings {

  private volatile Duration ttl;
  private final ThreadLocal<QueryLease> current = new ThreadLocal<>();

  /** The lease of the request the calling thread serves, if it set one. */
  Optional<QueryLease> current() {
    return Optional.ofNullable(current.get());
  }

  /** Sets the calling thread's request lease until the scope closes; scopes do not nest. */
  TripleStoreSail.LeaseScope use(QueryLease lease) {
    java.util.Objects.requireNonNull(lease, "lease");
    if (current.get() != null) {
      throw new IllegalStateException("this thread already has a query lease set: " + current.get());
    }
    current.set(lease);
    return current::remove;
  }

  /** The TTL of new leases; empty for the registry's default. */
  Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  void ttl(Duration ttl) {
    if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
      throw new IllegalArgumentException("a query lease TTL must be positive: " + ttl);
    }
    this.ttl = ttl;
  }
}
