package io.triplestore.snapshots;

/**
 * Work done at a snapshot by {@link SnapshotRegistry#withSnapshot(SnapshotFunction)}.
 *
 * @param <T> what the work returns
 * @param <X> what it may throw; rethrown unchanged
 */
@FunctionalInterface
public interface SnapshotFunction<T, X extends Exception> {
  T apply(SnapshotLease lease) throws X;
}
