package io.triplestore.sparql;

import java.time.Duration;
import java.util.Objects;

/**
 * How the lease of one query or update is labelled and how long it may live, set per request with
 * {@link TripleStoreSail#setQueryLease}: operators see the label and description in the registry's
 * {@code info()} (JMX, Jolokia, the daemon's {@code GET /snapshots}), and the TTL is the query's
 * timeout.
 *
 * @param label the owner label, short, shared by a whole kind of holder (e.g. {@code sparql}), so
 *     that {@code forceReleaseOwner(label)} releases them all
 * @param description what the lease is for, e.g. the query's id, client and text; may be empty
 * @param ttl the lease's TTL, or {@code null} for the Sail's ({@link TripleStoreSail#setQueryLeaseTtl})
 */
public record QueryLease(String label, String description, Duration ttl) {

  public QueryLease {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
      throw new IllegalArgumentException("a query lease TTL must be positive: " + ttl);
    }
  }
}
