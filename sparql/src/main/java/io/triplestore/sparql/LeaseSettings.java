package io.triplestore.sparql;

import java.time.Duration;
import java.util.Optional;

/**
 * How long the leases of SPARQL datasets live: a query still running at the end of its lease's
 * TTL fails, naming the lease, rather than pinning old data for ever.
 *
 * <p>Concurrency: thread-safe; the TTL is volatile, a change applies to leases taken afterwards.
 */
final class LeaseSettings {

  private volatile Duration ttl;

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
