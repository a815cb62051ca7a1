package io.triplestore.agent;

import io.triplestore.agent.TrackedSnapshot.Holder;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseReason;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Follows the snapshot each host transaction holds. Rather than model RocksDB's rules (a commit
 * keeps the snapshot, {@code setSnapshot} replaces it, {@code setSnapshotOnNextOperation} makes one
 * later), it asks the transaction ({@code getSnapshot()}) after every call that may change it, and
 * makes the tracked snapshot the one the transaction really holds.
 *
 * <p>Concurrency: a transaction's tracked snapshot changes under the {@link TrackedTransaction}'s
 * lock; the registry is called under it, but never calls back into this class.
 */
final class TransactionTracker {

  private final RocksAccess access;
  private final SnapshotTracker snapshots;
  private final Map<Long, TrackedTransaction> transactions = new ConcurrentHashMap<>();
  /** Transactions that may make a snapshot on their next operation; 0 keeps those operations free. */
  private final AtomicInteger pendingTransactions = new AtomicInteger();
  /** Learnt from the first transaction seen, so every other {@code close()} costs one compare. */
  private volatile Class<?> transactionClass;

  TransactionTracker(RocksAccess access, SnapshotTracker snapshots) {
    this.access = access;
    this.snapshots = snapshots;
  }


  /** A transaction began on {@code database} (or was reinitialized); it may already hold a snapshot. */
  void begun(TrackedDatabase database, Object transaction) {
    if (transactionClass == null) {
      transactionClass = transaction.getClass();
    }
    long handle = access.nativeHandle(transaction);
    TrackedTransaction tracked = transactions.computeIfAbsent(handle, h -> new TrackedTransaction(h, database));
    synchronize(tracked, access.transactionSnapshot(transaction));
    markPending(tracked, false);
  }

  /** setSnapshot, clearSnapshot, commit or rollback returned. */
  void snapshotChanged(Object transaction) {
    synchronize(transaction(transaction), access.transactionSnapshot(transaction));
  }

  /** setSnapshotOnNextOperation returned: look again after the transaction's next operation. */
  void snapshotOnNextOperation(Object transaction) {
    TrackedTransaction tracked = transaction(transaction);
    synchronize(tracked, access.transactionSnapshot(transaction));
    markPending(tracked, true);
  }

  /** Whether any transaction waits for its next operation to make a snapshot; false keeps operations free. */
  boolean anyPending() {
    return pendingTransactions.get() != 0;
  }

  /** A read or write of the transaction returned. */
  void operated(Object transaction) {
    TrackedTransaction tracked = transactions.get(access.nativeHandle(transaction));
    if (tracked != null && tracked.snapshotPending) {
      synchronize(tracked, access.transactionSnapshot(transaction));
    }
  }

  /** getSnapshot returned {@code snapshot} (null when none). */
  void snapshotSeen(Object transaction, Object snapshot) {
    synchronize(transaction(transaction), snapshot);
  }

  /** Whether {@code type} is the host's transaction class (known once one transaction was seen). */
  boolean isTransaction(Class<?> type) {
    return type == transactionClass;
  }

  /** A transaction is closing: its native object, and the snapshot it holds, are destroyed. */
  void closing(Object transaction) {
    TrackedTransaction tracked = transactions.remove(access.nativeHandle(transaction));
    if (tracked != null) {
      synchronize(tracked, null);
      markPending(tracked, false);
    }
  }

  private TrackedTransaction transaction(Object transaction) {
    if (transactionClass == null) {
      transactionClass = transaction.getClass();
    }
    return transactions.computeIfAbsent(access.nativeHandle(transaction), h -> new TrackedTransaction(h, null));
  }

  /** Makes the tracked snapshot of {@code transaction} the one it holds natively now. */
  private void synchronize(TrackedTransaction transaction, Object snapshot) {
    long handle = snapshot == null ? 0 : access.nativeHandle(snapshot);
    synchronized (transaction) {
      if (handle != 0) {
        markPending(transaction, false);
      }
      TrackedSnapshot current = transaction.current;
      if (current != null && current.handle == handle) {
        return;
      }
      transaction.current = null;
      if (current != null) {
        snapshots.endIfLive(current, ReleaseReason.MANUAL);
      }
      if (handle != 0) {
        Thread thread = Thread.currentThread();
        TrackedSnapshot tracked = new TrackedSnapshot(handle, transaction.database, Holder.TRANSACTION, snapshot, null);
        snapshots.track(tracked, LeaseOptions.builder().ownerThread(thread).label(thread.getName() + " (transaction)").build());
        transaction.current = tracked;
      }
    }
  }

  private void markPending(TrackedTransaction transaction, boolean pending) {
    synchronized (transaction) {
      if (transaction.snapshotPending != pending) {
        transaction.snapshotPending = pending;
        pendingTransactions.addAndGet(pending ? 1 : -1);
      }
    }
  }
}
