package io.triplestore.snapshots.jfr;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.RegistryStatistics;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.SnapshotRegistry;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;

/**
 * Turns one registry's lifecycle calls into JFR events, and adds the periodic statistics hook.
 *
 * <p>Until the Flight Recorder has been initialized (by a recording started on the command line,
 * by {@code jcmd}, or by code) each method returns after reading one volatile flag: not even the
 * event classes are loaded, because the JDK sets up its JFR metadata on the first event class
 * (about 150 ms). After that, each method allocates its event and asks {@code shouldCommit()}
 * before it reads anything from the lease, so with no recording running, or the event disabled,
 * the cost is that one check.
 *
 * <p>Concurrency: the statistics hook is added from {@link #recorderInitialized}, which the
 * Flight Recorder may call with its own locks held, and removed on registry close. No lock of ours
 * is taken around either call (that would invite a lock-order deadlock with the recorder);
 * instead the {@code stopped} flag is set before the removal and checked after the addition, so
 * whichever of the two runs last leaves the hook removed.
 */
final class JfrEventEmitter implements SnapshotListener, FlightRecorderListener {

  private final SnapshotRegistry registry;
  private final String registryName;
  private final Runnable statisticsHook = this::emitStatistics;
  private final Runnable oldestLeasesHook = this::emitOldestLeases;
  private final AtomicBoolean hookAdded = new AtomicBoolean();
  private volatile boolean recorderUp;
  private volatile boolean stopped;

  JfrEventEmitter(SnapshotRegistry registry) {
    this.registry = registry;
    this.registryName = registry.name();
  }

  /** Adds the statistics hook now if the recorder is up, else as soon as it comes up. */
  void start() {
    FlightRecorder.addListener(this);
  }

  /** Removes the statistics hook and stops waiting for the recorder. Idempotent. */
  void stop() {
    stopped = true;
    FlightRecorder.removeListener(this);
    if (hookAdded.get()) {
      FlightRecorder.removePeriodicEvent(statisticsHook);
      FlightRecorder.removePeriodicEvent(oldestLeasesHook);
    }
  }

  @Override
  public void recorderInitialized(FlightRecorder recorder) {
    recorderUp = true;
    if (stopped || !hookAdded.compareAndSet(false, true)) {
      return;
    }
    FlightRecorder.addPeriodicEvent(SnapshotRegistryStatisticsEvent.class, statisticsHook);
    FlightRecorder.addPeriodicEvent(SnapshotOldestLeaseEvent.class, oldestLeasesHook);
    if (stopped) {
      FlightRecorder.removePeriodicEvent(statisticsHook);
      FlightRecorder.removePeriodicEvent(oldestLeasesHook);
    }
  }

  @Override
  public void onCreated(SnapshotLease lease) {
    if (!recorderUp) {
      return;
    }
    SnapshotCreatedEvent event = new SnapshotCreatedEvent();
    if (event.shouldCommit()) {
      event.describe(registryName, lease);
      event.ownerThread = lease.ownerThreadName();
      event.description = lease.description();
      event.commit();
    }
  }

  @Override
  public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
    if (!recorderUp) {
      return;
    }
    SnapshotExpiryWarningEvent event = new SnapshotExpiryWarningEvent();
    if (event.shouldCommit()) {
      event.describe(registryName, lease);
      event.age = lease.age().toNanos();
      event.remaining = remaining.toNanos();
      event.commit();
    }
  }

  @Override
  public void onReleased(SnapshotLease lease, ReleaseReason reason) {
    if (!recorderUp) {
      return;
    }
    SnapshotReleasedEvent event = new SnapshotReleasedEvent();
    if (event.shouldCommit()) {
      event.describe(registryName, lease);
      event.reason = reason.name();
      event.age = lease.age().toNanos();
      event.commit();
    }
  }

  @Override
  public void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {
    if (!recorderUp) {
      return;
    }
    SnapshotReleaseDueEvent event = new SnapshotReleaseDueEvent();
    if (event.shouldCommit()) {
      event.describe(registryName, lease);
      event.reason = reason.name();
      event.age = lease.age().toNanos();
      event.commit();
    }
  }

  @Override
  public void onRegistryClosed(SnapshotRegistry closed) {
    stop();
  }

  private void emitStatistics() {
    SnapshotRegistryStatisticsEvent event = new SnapshotRegistryStatisticsEvent();
    // A closed registry's source may be a closed database: never ask it for properties.
    if (stopped || registry.isClosed() || !event.shouldCommit()) {
      return;
    }
    RegistryStatistics statistics = registry.statistics();
    event.registry = registryName;
    event.count = statistics.count();
    event.oldestAge = statistics.oldestAge().toNanos();
    event.totalCreated = statistics.totalCreated();
    event.releasedManual = statistics.released(ReleaseReason.MANUAL);
    event.releasedExpired = statistics.released(ReleaseReason.EXPIRED);
    event.releasedOwnerDown = statistics.released(ReleaseReason.OWNER_DOWN);
    event.releasedForced = statistics.released(ReleaseReason.FORCED);
    event.releasedClosed = statistics.released(ReleaseReason.CLOSED);
    event.warningsEmitted = statistics.warningsEmitted();
    event.releasesDue = statistics.releasesDue();
    OptionalLong rocksDbCount = statistics.nativeSnapshotCount();
    event.rocksDbSnapshotCount = rocksDbCount.orElse(-1);
    event.untrackedSnapshotCount = rocksDbCount.isPresent() ? statistics.untrackedSnapshotCount() : -1;
    event.commit();
  }

  private void emitOldestLeases() {
    int count = OldestLeaseCount.current();
    if (stopped || registry.isClosed() || count == 0 || !new SnapshotOldestLeaseEvent().shouldCommit()) {
      return;
    }
    List<LeaseInfo> oldest = registry.info(count);
    for (int i = 0; i < oldest.size(); i++) {
      SnapshotOldestLeaseEvent event = new SnapshotOldestLeaseEvent();
      event.describe(registryName, oldest.get(i), i + 1);
      event.commit();
    }
  }

  @Override
  public String toString() {
    return "JFR events of snapshot registry '" + registryName + "'";
  }
}
