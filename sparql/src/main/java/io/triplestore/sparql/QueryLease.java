package io.triplestore.sparql;

import io.triplestore.snapshots.SnapshotLease;
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
 * @param existing a lease the caller holds to read at instead of a new one (the daemon's {@code
 *     snapshot=}), or {@code null}; it is borrowed: the query neither renews nor releases it, and
 *     label, description and TTL do not apply to it
 */
public record QueryLease(String label, String description, Duration ttl, SnapshotLease existing) {

  /** A new lease per dataset, labelled, described and timed so. */
  public QueryLease(String label, String description, Duration ttl) {
    this(label, description, ttl, null);
  }

  /** Read at {@code existing}, a lease the caller holds and keeps. */
  public static QueryLease at(SnapshotLease existing) {
    return new QueryLease(existing.ownerLabel(), "", null, Objects.requireNonNull(existing, "existing"));
  }

  public QueryLease {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(description, "description");
    if (ttl != null && (ttl.isZero() || ttl.isNegative())) {
      throw new IllegalArgumentException("a query lease TTL must be positive: " + ttl);
    }
  }
}
