package io.triplestore.agent;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.ReleaseReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what the agent finds to its log: the expiry warning, the expiry and owner death of a
 * snapshot that stays held, a {@code Snapshot.close()} that released nothing, the snapshots still
 * held when their database closes, and snapshots taken before the agent attached. Each report
 * names the snapshot's lease id, database, owner thread and age, and its creation stack when
 * captured (from the first rocksdb frame on, without the agent's own frames).
 */
final class SnapshotReporter {

  /** A snapshot still held, as described in a report. */
  record HeldSnapshot(TrackedSnapshot snapshot, LeaseInfo info) {}

  private final AgentLog log;
  private final String packagePrefix;
  private final ReleaseMode releaseMode;
  private final Set<String> failuresReported = ConcurrentHashMap.newKeySet();

  SnapshotReporter(AgentLog log, String packagePrefix, ReleaseMode releaseMode) {
    this.log = log;
    this.packagePrefix = packagePrefix + ".";
    this.releaseMode = releaseMode;
  }

  void expiryWarning(LeaseInfo info, TrackedSnapshot snapshot, Duration remaining) {
    log.report("WARNING " + describe(info, snapshot) + " expires in " + format(remaining),
        creationStack(info));
  }

  void releaseDue(LeaseInfo info, TrackedSnapshot snapshot, ReleaseReason reason) {
    String why = reason == ReleaseReason.OWNER_DOWN
        ? "its owner thread '" + info.ownerThread() + "' has terminated while holding it"
        : "it has outlived its TTL of " + format(info.ttl());
    log.report(reason + " " + describe(info, snapshot) + ": " + why
        + "; still held (release=never: only the application releases its snapshots)", creationStack(info));
  }

  void releasedByRegistry(LeaseInfo info, TrackedSnapshot snapshot, ReleaseReason reason) {
    boolean releasedNatively = snapshot != null && snapshot.releasedByAgent;
    String outcome = releasedNatively
        ? "the agent released the native snapshot (release=expired)"
        : "the agent stopped tracking it but did not release the native snapshot, which stays held"
            + (snapshot != null && snapshot.holder == TrackedSnapshot.Holder.TRANSACTION
                ? " by its transaction" : " (release=" + releaseMode.optionValue() + ")");
    log.report("RELEASED " + describe(info, snapshot) + " for " + reason + ": " + outcome, creationStack(info));
  }

  void closedButHeld(io.triplestore.snapshots.SnapshotLease lease, TrackedSnapshot snapshot, StackTraceElement[] closeStack) {
    LeaseInfo info = lease.info();
    List<String> details = new ArrayList<>();
    details.add("closed at:");
    for (StackTraceElement frame : fromFirstRocksDbFrame(List.of(closeStack))) {
      details.add("  at " + frame);
    }
    details.addAll(creationStack(info));
    log.report("LEAK " + describe(info, snapshot) + ": Snapshot.close() releases nothing, the snapshot is still"
        + " held; release it with RocksDB.releaseSnapshot(snapshot)", details);
  }

  void heldAtClose(TrackedDatabase database, List<HeldSnapshot> held) {
    List<String> details = new ArrayList<>();
    for (HeldSnapshot h : held) {
      details.add(describe(h.info(), h.snapshot()));
      for (String line : creationStack(h.info())) {
        details.add("  " + line);
      }
    }
    log.report("HELD AT CLOSE database " + database.name() + " is closing with " + held.size()
        + " snapshot(s) still held:", details);
  }

  void untracked(TrackedDatabase database, long nativeCount, long untracked) {
    log.line("UNTRACKED database " + database.name() + " holds " + untracked
        + " snapshot(s) taken before the agent saw it (rocksdb.num-snapshots=" + nativeCount
        + "); their owners and ages are unknown");
  }

  void hostReleasedAfterAgent() {
    log.line("SKIPPED a releaseSnapshot of a snapshot the agent had already released (release=expired);"
        + " releasing it twice would have freed it twice");
  }

  /**
   * An unexpected failure inside the agent: reported once per place, never thrown into the host.
   * A rocksdb without a method the agent needs switches tracking off altogether.
   */
  void failure(String where, Throwable t) {
    if (t instanceof UnexpectedShapeException) {
      io.triplestore.agent.bridge.SnapshotBridge.disable();
      if (failuresReported.add(UnexpectedShapeException.class.getName())) {
        log.line("UNEXPECTED SHAPE of the application's rocksdb: " + t.getMessage()
            + "; snapshot tracking is off and the application is left untouched");
      }
      return;
    }
    if (failuresReported.add(where + t.getClass().getName())) {
      log.line("ERROR in " + where + " tracking (reported once, the application is unaffected): " + t);
    }
  }

  private static String describe(LeaseInfo info, TrackedSnapshot snapshot) {
    String what = snapshot != null && snapshot.holder == TrackedSnapshot.Holder.TRANSACTION
        ? "transaction snapshot" : "snapshot";
    String database = snapshot == null ? "?" : snapshot.databaseName();
    return what + " lease=" + info.id() + " db=" + database + " thread='" + info.ownerThread() + "' age="
        + format(info.age()) + " ttl=" + format(info.ttl());
  }

  private List<String> creationStack(LeaseInfo info) {
    if (!info.hasCreationStack()) {
      return List.of("creation stack not captured (agent option stack=all captures every one)");
    }
    List<String> lines = new ArrayList<>();
    lines.add("created at:");
    for (StackTraceElement frame : fromFirstRocksDbFrame(info.creationStack())) {
      lines.add("  at " + frame);
    }
    return lines;
  }

  /** The stack from the first frame in the rocksdb package on: what the host called, and who called it. */
  private List<StackTraceElement> fromFirstRocksDbFrame(List<StackTraceElement> stack) {
    for (int i = 0; i < stack.size(); i++) {
      if (stack.get(i).getClassName().startsWith(packagePrefix)) {
        return stack.subList(i, stack.size());
      }
    }
    return stack;
  }

  static String format(Duration d) {
    long millis = d.toMillis();
    if (Math.abs(millis) < 1000) {
      return millis + "ms";
    }
    if (Math.abs(millis) < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
