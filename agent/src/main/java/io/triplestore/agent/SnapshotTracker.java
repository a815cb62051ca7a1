package io.triplestore.agent;

import io.triplestore.agent.TrackedSnapshot.Holder;
import io.triplestore.agent.bridge.SnapshotHooks;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.spi.TrackingRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns what instrumented rocksdb code does into leases of one registry: a snapshot the host takes
 * becomes a tracked lease, keyed by its native handle, owned by the taking thread; the host's
 * release (or its transaction's end, or its database's close) ends it. Transactions are followed
 * by a {@link TransactionTracker}.
 *
 * <p>The host's own {@code releaseSnapshot} always runs, unless the agent itself has released that
 * very wrapper's snapshot ({@code release=expired}): a skipped host release pins the snapshot until
 * the database closes, a doubled one frees it twice and aborts the host JVM.
 *
 * <p>With a grace period ({@code grace=}, above zero), a database snapshot is not registered on the
 * host's thread: {@code getSnapshot} files it among the young snapshots ({@link YoungSnapshots},
 * a few compare-and-sets, no lock, no map node), and the agent's hand-off thread registers those
 * still held after the grace period, with the thread, time and stack of their taking ({@link
 * TrackingRegistry#track(Object, LeaseOptions, TrackingRegistry.Origin)}). A snapshot released
 * within the grace period never reaches the registry: no lease, no JFR event, not in {@code
 * Count}, which lags new snapshots by up to the grace period and a tick. A database's close and a
 * {@code Snapshot.close()} hand its young snapshots over at once, so what they report is the same
 * with or without a grace period. Transaction snapshots are registered at once.
 *
 * <p>Concurrency: each snapshot's tracking ends exactly once, and its hand-off happens at most
 * once and loses to an end ({@link TrackedSnapshot}'s state word); a handed-off snapshot is in the
 * handle index before it leaves the young ones, and the host's release looks in the young ones
 * first, so a release never finds neither. A snapshot is indexed after the registry publishes its
 * lease, and not at all if the registry ended it first ({@link SnapshotIndex}); the agent records a
 * wrapper it releases before dropping it from the handle index, and the host's release looks in
 * the index first. Hand-offs run under {@code handOffLock} (the hand-off thread, a database's
 * close, a {@code Snapshot.close()}), never on the host's getSnapshot or releaseSnapshot. A
 * transaction's snapshot changes under the transaction's lock. No agent lock but {@code
 * handOffLock} is held while calling the registry.
 */
final class SnapshotTracker implements SnapshotHooks, SnapshotListener {

  private final RocksAccess access;
  private final SnapshotReporter reporter;
  private final ReleaseMode releaseMode;
  private final String snapshotClassName;
  private final LeaseOptions databaseSnapshotOptions = LeaseOptions.builder().build();
  private final Map<Long, TrackedDatabase> databases = new ConcurrentHashMap<>();
  private final SnapshotIndex index = new SnapshotIndex();
  private final YoungSnapshots young = new YoungSnapshots();
  /** How long a database snapshot stays young before its hand-off; 0: registered on the host's thread. */
  private final long graceNanos;
  private final Object handOffLock = new Object();
  private final TransactionTracker transactions;
  /**
   * Wrappers of snapshots the agent released itself, so the host's own later release of that very
   * wrapper is skipped (by identity: rocksdb's wrappers do not override {@code equals}).
   */
  private final Map<Object, Boolean> releasedByAgent = Collections.synchronizedMap(new WeakHashMap<>());
  /** Learnt from the first snapshot seen, so every other {@code close()} costs one compare. */
  private volatile Class<?> snapshotClass;
  private volatile TrackingRegistry registry;
  /** The database of the last call: most hosts use one, and this spares a handle lookup per snapshot. */
  private volatile TrackedDatabase lastDatabase;
  private volatile Runnable firstDatabase = () -> { };

  SnapshotTracker(RocksAccess access, SnapshotReporter reporter, ReleaseMode releaseMode, String packagePrefix,
      java.time.Duration grace) {
    this.access = access;
    this.graceNanos = grace.toNanos();
    this.reporter = reporter;
    this.releaseMode = releaseMode;
    this.snapshotClassName = packagePrefix + ".Snapshot";
    this.transactions = new TransactionTracker(access, this);
  }

  /** {@code action} runs (on the host's thread; keep it short) when the first open database is seen. */
  void onFirstDatabase(Runnable action) {
    this.firstDatabase = action;
  }

  /** Connects the registry; the tracker and the registry's source need each other. */
  void attach(TrackingRegistry registry) {
    this.registry = registry;
  }

  // ---- database snapshots ----

  @Override
  public void snapshotTaken(Object db, Object snapshot) {
    try {
      if (snapshotClass == null && snapshot.getClass().getName().equals(snapshotClassName)) {
        snapshotClass = snapshot.getClass();
      }
      TrackedDatabase database = database(db);
      // Before tracking: whatever happens to the new lease, the database holds the new snapshot.
      reportUntrackedOnce(database, 1);
      long handle = access.nativeHandle(snapshot);
      if (graceNanos == 0) {
        track(new TrackedSnapshot(handle, database, Holder.DATABASE, snapshot, null), databaseSnapshotOptions);
      } else {
        endStale(young.add(new TrackedSnapshot(handle, database, Holder.DATABASE, snapshot, registry.origin())));
      }
    } catch (Throwable t) {
      reporter.failure("getSnapshot", t);
    }
  }

  @Override
  public boolean snapshotReleasing(Object db, Object snapshot) {
    try {
      TrackedSnapshot tracked = find(access.nativeHandle(snapshot), snapshot);
      boolean thisSnapshot = tracked != null && tracked.isHeldThrough(snapshot);
      if (thisSnapshot && endIfLive(tracked, ReleaseReason.MANUAL)) {
        return false;
      }
      // Looked up after the index: the agent records a wrapper here before it leaves the index.
      if (thisSnapshot ? tracked.isClaimedByAgent() : releasedByAgent.containsKey(snapshot)) {
        // The agent released (or is releasing) this very snapshot: a second release would free it twice.
        releasedByAgent.remove(snapshot);
        reporter.hostReleasedAfterAgent();
        return true;
      }
      if (tracked == null) {
        // Taken before the agent attached: learn the database, which reports what it cannot track.
        reportUntrackedOnce(database(db), 0);
      }
      // Otherwise ended without a native release (an operator's force-release in release=never), or
      // a wrapper whose address has been reused: the host's call runs as it would without the agent.
      return false;
    } catch (Throwable t) {
      reporter.failure("releaseSnapshot", t);
      return false;
    }
  }

  /** Every rocksdb {@code close()}: a {@code Snapshot} (releases nothing) or a {@code Transaction}. */
  @Override
  public void nativeReferenceClosing(Object reference) {
    Class<?> type = reference.getClass();
    if (type == snapshotClass) {
      snapshotClosing(reference);
    } else if (transactions.isTransaction(type)) {
      try {
        transactions.closing(reference);
      } catch (Throwable t) {
        reporter.failure("Transaction.close", t);
      }
    }
  }

  private void snapshotClosing(Object snapshot) {
    try {
      TrackedSnapshot tracked = find(access.nativeHandle(snapshot), snapshot);
      if (tracked != null && tracked.holder == Holder.DATABASE && tracked.isHeldThrough(snapshot)
          && !tracked.leakReported) {
        if (tracked.isPending()) {
          // A leak is reported with its lease, as without a grace period.
          synchronized (handOffLock) {
            handOff(tracked, databaseSnapshotOptions);
          }
        }
        tracked.leakReported = true;
        lease(tracked).ifPresent(lease -> reporter.closedButHeld(lease, tracked, new Throwable().getStackTrace()));
      }
    } catch (Throwable t) {
      reporter.failure("Snapshot.close", t);
    }
  }

  @Override
  public void databaseClosing(Object db) {
    try {
      long handle = access.nativeHandle(db);
      TrackedDatabase database = databases.get(handle);
      if (database == null || database.db() != db || !databases.remove(handle, database) || !database.markClosed()) {
        // Never seen, or already closed: touching the native database now could be a use-after-free.
        return;
      }
      lastDatabase = null;
      List<TrackedSnapshot> held = new ArrayList<>();
      List<Integer> endedFrom = new ArrayList<>();
      synchronized (handOffLock) {
        // Young ones are registered first, so that the close reports and ends them like the rest.
        for (TrackedSnapshot tracked : young.of(database)) {
          handOff(tracked, databaseSnapshotOptions);
        }
        for (TrackedSnapshot tracked : index.of(database)) {
          int from = tracked.claimEnd();
          if (from >= 0) {
            held.add(tracked);
            endedFrom.add(from);
          }
        }
      }
      if (!held.isEmpty()) {
        reporter.heldAtClose(database, describe(held));
      }
      for (int i = 0; i < held.size(); i++) {
        end(held.get(i), endedFrom.get(i), ReleaseReason.CLOSED);
      }
    } catch (Throwable t) {
      reporter.failure("close", t);
    }
  }

  // ---- transaction snapshots: see TransactionTracker ----

  @Override
  public void transactionBegun(Object db, Object transaction) {
    try {
      transactions.begun(database(db), transaction);
    } catch (Throwable t) {
      reporter.failure("beginTransaction", t);
    }
  }

  @Override
  public void transactionSnapshotChanged(Object transaction) {
    try {
      transactions.snapshotChanged(transaction);
    } catch (Throwable t) {
      reporter.failure("Transaction snapshot change", t);
    }
  }

  @Override
  public void transactionSnapshotOnNextOperation(Object transaction) {
    try {
      transactions.snapshotOnNextOperation(transaction);
    } catch (Throwable t) {
      reporter.failure("Transaction.setSnapshotOnNextOperation", t);
    }
  }

  @Override
  public void transactionOperated(Object transaction) {
    if (!transactions.anyPending()) {
      return;
    }
    try {
      transactions.operated(transaction);
    } catch (Throwable t) {
      reporter.failure("Transaction operation", t);
    }
  }

  @Override
  public void transactionSnapshotSeen(Object transaction, Object snapshot) {
    try {
      transactions.snapshotSeen(transaction, snapshot);
    } catch (Throwable t) {
      reporter.failure("Transaction.getSnapshot", t);
    }
  }

  // ---- registry bookkeeping ----

  /** Registers a snapshot the host now holds, on the calling thread. */
  void track(TrackedSnapshot tracked, LeaseOptions options) {
    handOff(tracked, options);
  }

  /**
   * Registers {@code tracked} unless its hand-off is already claimed or its tracking ended. The
   * registry publishes the lease before this indexes it; a release by the registry in between (an
   * operator's force-release) ends the tracking, and then nothing is indexed: the host's own
   * release finds no entry and runs. An end that comes while the lease is being made leaves its
   * release to this method.
   */
  private void handOff(TrackedSnapshot tracked, LeaseOptions options) {
    if (!tracked.claimHandOff()) {
      return;
    }
    SnapshotLease lease;
    try {
      lease = tracked.origin == null ? registry.track(tracked, options) : registry.track(tracked, options, tracked.origin);
    } catch (RuntimeException | Error e) {
      // The registry is closed: the snapshot stays untracked, and the host's release runs as without the agent.
      int from = tracked.claimEnd();
      if (from >= 0) {
        end(tracked, from, ReleaseReason.MANUAL);
      }
      throw e;
    }
    tracked.lease = lease;
    TrackedSnapshot stale = index.add(tracked);
    if (tracked.finishHandOff()) {
      young.remove(tracked);
    } else {
      // Ended while the lease was being made: the end left the lease to us.
      index.remove(tracked);
      young.remove(tracked);
      registry.release(lease, tracked.database != null && tracked.database.isClosed()
          ? ReleaseReason.CLOSED : ReleaseReason.MANUAL);
    }
    endStale(stale);
  }

  /**
   * Hands the young snapshots taken at least the grace period before {@code nowNanos} (the
   * registry's ticker) to the registry; ends those of a database closed since. Run by the hand-off
   * thread every tick.
   */
  void handOffOlderThanGrace(long nowNanos) {
    synchronized (handOffLock) {
      young.forEach(tracked -> {
        if (!tracked.isPending() || nowNanos - tracked.origin.stampNanos() < graceNanos) {
          return;
        }
        try {
          if (tracked.database.isClosed()) {
            endIfLive(tracked, ReleaseReason.CLOSED);
          } else {
            handOff(tracked, databaseSnapshotOptions);
          }
        } catch (Throwable t) {
          reporter.failure("hand-off", t);
        }
      });
    }
  }

  /** The snapshot the host holds through {@code wrapper} at {@code handle}: a young one, else an indexed one. */
  private TrackedSnapshot find(long handle, Object wrapper) {
    if (graceNanos != 0) {
      TrackedSnapshot youngOne = young.find(handle, wrapper);
      if (youngOne != null) {
        return youngOne;
      }
    }
    return index.byHandle(handle);
  }

  /** A snapshot filed under a handle that has since been reused: its end went unseen. */
  private void endStale(TrackedSnapshot stale) {
    if (stale != null) {
      endIfLive(stale, ReleaseReason.MANUAL);
    }
  }

  /** Ends {@code tracked}'s tracking if no one else has; true if this call did. */
  boolean endIfLive(TrackedSnapshot tracked, ReleaseReason reason) {
    int from = tracked.claimEnd();
    if (from < 0) {
      return false;
    }
    end(tracked, from, reason);
    return true;
  }

  /**
   * Forgets a snapshot whose end the caller has claimed from state {@code from}, and, if it had
   * been handed to the registry, tells the registry why it ended: by the lease itself, which spares
   * the host's release a lookup of the id under the registry's lock. An end that won over a
   * hand-off in progress leaves the lease to the hand-off.
   */
  private void end(TrackedSnapshot tracked, int from, ReleaseReason reason) {
    if (tracked.origin != null) {
      young.remove(tracked);
    }
    // One ended while PENDING was never indexed: skipping spares the host's release the index's lock.
    if (from != TrackedSnapshot.PENDING) {
      index.remove(tracked);
    }
    if (from == TrackedSnapshot.LIVE) {
      registry.release(tracked.lease, reason);
    }
  }

  /**
   * The registry releases a lease for a reason of its own (expiry or owner death in
   * {@code release=expired} mode, an operator's force-release): the agent releases the native
   * snapshot only when it may, and never one the host has already ended.
   */
  void releaseForRegistry(TrackedSnapshot tracked) {
    boolean mayRelease = releaseMode == ReleaseMode.EXPIRED
        && tracked.holder == Holder.DATABASE && tracked.database != null;
    if (!mayRelease) {
      // Reported by onReleased: the lease is gone but the native snapshot stays with its holder.
      int from = tracked.claimEnd();
      if (from >= 0) {
        young.remove(tracked);
        index.remove(tracked);
      }
      return;
    }
    if (!tracked.claimAgentRelease()) {
      return;
    }
    // Recorded before it leaves the index: a host release that misses it there finds it here.
    releasedByAgent.put(tracked.wrapper, Boolean.TRUE);
    young.remove(tracked);
    index.remove(tracked);
    if (tracked.database.releaseIfOpen(access, tracked.wrapper)) {
      tracked.releasedByAgent = true;
    } else {
      releasedByAgent.remove(tracked.wrapper);
    }
  }

  // ---- registry events, reported with what the agent knows of the snapshot ----

  @Override
  public void onExpiryWarning(SnapshotLease lease, java.time.Duration remaining) {
    reporter.expiryWarning(lease.info(), trackedOf(lease), remaining);
  }

  @Override
  public void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {
    reporter.releaseDue(lease.info(), trackedOf(lease), reason);
  }

  @Override
  public void onReleased(SnapshotLease lease, ReleaseReason reason) {
    if (reason != ReleaseReason.MANUAL && reason != ReleaseReason.CLOSED) {
      reporter.releasedByRegistry(lease.info(), trackedOf(lease), reason);
    }
  }

  /** What the agent tracks under {@code lease}, or null (a lease the agent did not make). */
  private TrackedSnapshot trackedOf(SnapshotLease lease) {
    return registry.tracked(lease) instanceof TrackedSnapshot tracked ? tracked : null;
  }

  // ---- databases ----

  private TrackedDatabase database(Object db) {
    TrackedDatabase last = lastDatabase;
    if (last != null && last.db() == db) {
      return last;
    }
    long handle = access.nativeHandle(db);
    TrackedDatabase known = databases.get(handle);
    if (known != null && known.db() == db) {
      lastDatabase = known;
      return known;
    }
    if (!access.isOpen(db)) {
      // A closed database (the host calls it after close): never read from it, never list it,
      // not even its name: getName() on a closed RocksDB reads freed native memory.
      TrackedDatabase closed = new TrackedDatabase(db, handle, "closed database");
      closed.markClosed();
      return closed;
    }
    TrackedDatabase seen = new TrackedDatabase(db, handle, access.name(db));
    databases.put(handle, seen);
    lastDatabase = seen;
    firstDatabase.run();
    return seen;
  }

  /** Reports, once per database, the snapshots it holds beyond the tracked ones and {@code justTaken}. */
  private void reportUntrackedOnce(TrackedDatabase database, int justTaken) {
    // A plain read first: a compare-and-set that fails still takes the cache line, on every snapshot.
    if (database.untrackedChecked.get() || !database.untrackedChecked.compareAndSet(false, true)) {
      return;
    }
    long nativeCount = database.nativeSnapshotCount(access).orElse(0);
    long young = graceNanos == 0 ? 0 : this.young.of(database).size();
    long untracked = nativeCount - database.tracked.get() - young - justTaken;
    if (untracked > 0) {
      reporter.untracked(database, nativeCount, untracked);
    }
  }

  /** How many snapshots the tracker still knows, young or handed off; for tests and diagnostics. */
  int indexedSnapshots() {
    return index.size() + young.size();
  }

  /** How many young snapshots wait for their hand-off; for tests and diagnostics. */
  int youngSnapshots() {
    return young.size();
  }

  /** The databases the host has open, as far as the agent has seen them. */
  Collection<TrackedDatabase> openDatabases() {
    return databases.values();
  }

  private java.util.Optional<SnapshotLease> lease(TrackedSnapshot tracked) {
    SnapshotLease lease = tracked.lease;
    return lease == null ? java.util.Optional.empty() : registry.find(lease.id());
  }

  private List<SnapshotReporter.HeldSnapshot> describe(List<TrackedSnapshot> held) {
    List<SnapshotReporter.HeldSnapshot> described = new ArrayList<>();
    held.sort(java.util.Comparator.comparingLong(s -> s.lease.id()));
    for (TrackedSnapshot tracked : held) {
      lease(tracked).ifPresent(lease -> described.add(new SnapshotReporter.HeldSnapshot(tracked, lease.info())));
    }
    return described;
  }
}
