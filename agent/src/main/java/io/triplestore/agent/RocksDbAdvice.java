package io.triplestore.agent;

import io.triplestore.agent.bridge.SnapshotBridge;
import net.bytebuddy.asm.Advice;

/**
 * The advice inlined into the host's rocksdb classes. Each piece only hands the host's objects to
 * {@link SnapshotBridge} (typed {@code Object}: the agent never compiles against rocksdbjni), and is
 * suppressed on any throwable so that the host never sees one. Only the release advice can change
 * what the host's method does: it skips a release of a snapshot the agent already released.
 */
final class RocksDbAdvice {

  private RocksDbAdvice() {}

  /** {@code RocksDB.getSnapshot()}. */
  static final class SnapshotTaken {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object db, @Advice.Return Object snapshot) {
      SnapshotBridge.snapshotTaken(db, snapshot);
    }
  }

  /** {@code RocksDB.releaseSnapshot(Snapshot)}: before the native release, while the handle is still unique. */
  static final class SnapshotReleasing {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
    static boolean enter(@Advice.This Object db, @Advice.Argument(0) Object snapshot) {
      return SnapshotBridge.snapshotReleasing(db, snapshot);
    }
  }

  /** {@code RocksDB.close()} and {@code closeE()}: before the database goes away. */
  static final class DatabaseClosing {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object db) {
      SnapshotBridge.databaseClosing(db);
    }
  }

  /** {@code close()} of rocksdb native references: snapshots and transactions among them. */
  static final class NativeReferenceClosing {
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object reference) {
      SnapshotBridge.nativeReferenceClosing(reference);
    }
  }

  /** {@code beginTransaction(...)} of transactional databases: the new transaction may hold a snapshot. */
  static final class TransactionBegun {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object db, @Advice.Return Object transaction) {
      SnapshotBridge.transactionBegun(db, transaction);
    }
  }

  /** {@code Transaction.setSnapshot}, {@code clearSnapshot}, commit, rollback. */
  static final class TransactionSnapshotChanged {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object transaction) {
      SnapshotBridge.transactionSnapshotChanged(transaction);
    }
  }

  /** {@code Transaction.getSnapshot()}: shows a snapshot that {@code setSnapshotOnNextOperation} made. */
  static final class TransactionSnapshotSeen {
    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object transaction, @Advice.Return Object snapshot) {
      SnapshotBridge.transactionSnapshotSeen(transaction, snapshot);
    }
  }

  /** A read or write of a transaction: may materialize a snapshot asked for on the next operation. */
  static final class TransactionOperated {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object transaction) {
      SnapshotBridge.transactionOperated(transaction);
    }
  }

  /** {@code Transaction.setSnapshotOnNextOperation(...)}: the snapshot comes with the next operation. */
  static final class TransactionSnapshotOnNextOperation {
    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.This Object transaction) {
      SnapshotBridge.transactionSnapshotOnNextOperation(transaction);
    }
  }
}
