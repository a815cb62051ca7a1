package io.triplestore.sparql;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.util.function.Supplier;
import org.eclipse.rdf4j.sail.SailException;

/**
 * Turns a read at a released lease into a {@link SailException} that names the lease, its reason
 * and what the lease was for, so a query cut short by an operator or a TTL fails loudly instead of
 * returning a short result.
 */
final class LeaseReads {

  private LeaseReads() {}

  static <T> T read(SnapshotLease lease, Supplier<T> read) {
    try {
      return read.get();
    } catch (SnapshotReleasedException e) {
      throw released(lease, e);
    }
  }

  static SailException released(SnapshotLease lease, SnapshotReleasedException e) {
    return new SailException("SPARQL read aborted: " + e.getMessage()
        + " (lease owner '" + lease.ownerLabel() + "')", e);
  }
}
