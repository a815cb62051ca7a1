package io.triplestore.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.agent.fakes.FakeDb;
import io.triplestore.agent.fakes.FakeSnapshot;
import io.triplestore.snapshots.ExpiryAction;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.spi.TrackingRegistry;
import io.triplestore.snapshots.StackCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker against stand-in rocksdb objects, with a manual clock: the bookkeeping that the
 * host JVM tests cannot force (reused handles, the order of agent and host releases).
 */
class SnapshotTrackerTest {

  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final FakeDb db = new FakeDb(1);
  private TrackingRegistry registry;
  private SnapshotTracker tracker;

  private void start(ReleaseMode mode) {
    RocksAccess access = new RocksAccess();
    AgentLog log = new AgentLog(new PrintStream(output, true, StandardCharsets.UTF_8));
    SnapshotReporter reporter = new SnapshotReporter(log, "io.triplestore.agent.fakes", mode);
    ObservedSnapshotSource source = new ObservedSnapshotSource(access);
    tracker = new SnapshotTracker(access, reporter, mode, "io.triplestore.agent.fakes");
    source.connect(tracker);
    registry = SnapshotRegistry.builder().source(source)
        .expiryAction(mode == ReleaseMode.NEVER ? ExpiryAction.REPORT : ExpiryAction.RELEASE)
        .defaultTtl(Duration.ofSeconds(10)).stackCapture(StackCapture.off())
        .ticker(nanos::get).scheduler(Scheduler.manual()).listener(tracker).buildTracking();
    tracker.attach(registry);
  }

  @AfterEach
  void close() {
    registry.close();
  }

  private String output() {
    return output.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aSnapshotIsTrackedUntilTheHostReleasesIt() {
    start(ReleaseMode.NEVER);
    FakeSnapshot snapshot = db.snapshot(100);

    tracker.snapshotTaken(db, snapshot);
    assertThat(registry.count()).isEqualTo(1);
    assertThat(registry.nativeSnapshotCount()).hasValue(1);

    assertThat(tracker.snapshotReleasing(db, snapshot)).as("the host's own release runs").isFalse();
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isEqualTo(1);
  }

  @Test
  void expiryIsReportedButTheSnapshotStaysInObserveMode() {
    start(ReleaseMode.NEVER);
    tracker.snapshotTaken(db, db.snapshot(100));

    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    registry.cleanUp();

    assertThat(registry.count()).isEqualTo(1);
    assertThat(db.nativeReleases).isEmpty();
    assertThat(output()).contains("WARNING snapshot lease=1 db=/fake/db-1", "EXPIRED snapshot lease=1 db=/fake/db-1");
  }

  @Test
  void aReusedHandleEndsTheSnapshotThatHadItBefore() {
    start(ReleaseMode.NEVER);
    tracker.snapshotTaken(db, db.snapshot(100));
    // Released by a path the agent did not see; the native allocator hands the handle out again.
    tracker.snapshotTaken(db, db.snapshot(100));

    assertThat(registry.count()).isEqualTo(1);
    assertThat(registry.find(1)).isEmpty();
    assertThat(registry.find(2)).isPresent();
  }

  @Test
  void withReleaseExpiredTheAgentReleasesOnceAndSkipsTheHostsLateRelease() {
    start(ReleaseMode.EXPIRED);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);

    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    registry.cleanUp();

    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(registry.statistics().released(ReleaseReason.EXPIRED)).isEqualTo(1);
    assertThat(tracker.snapshotReleasing(db, snapshot)).as("a second release is skipped").isTrue();
    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(output()).contains("RELEASED snapshot lease=1", "SKIPPED a releaseSnapshot");
  }

  @Test
  void closingTheDatabaseEndsItsSnapshotsWithReasonClosedAndItIsNeverReadAgain() {
    start(ReleaseMode.EXPIRED);
    tracker.snapshotTaken(db, db.snapshot(100));
    tracker.snapshotTaken(db, db.snapshot(101));

    tracker.databaseClosing(db);
    db.markClosed();
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    registry.cleanUp();

    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.CLOSED)).isEqualTo(2);
    assertThat(registry.nativeSnapshotCount()).isEmpty();
    assertThat(db.nativeReleases).isEmpty();
    assertThat(output()).contains("HELD AT CLOSE database /fake/db-1 is closing with 2 snapshot(s) still held:");
  }

  @Test
  void aSnapshotOfAnUnseenDatabaseReportsWhatTheDatabaseHeldBefore() {
    start(ReleaseMode.NEVER);
    db.snapshot(7);
    db.snapshot(8);

    tracker.snapshotTaken(db, db.snapshot(9));

    assertThat(output()).contains("UNTRACKED database /fake/db-1 holds 2 snapshot(s) taken before the agent saw it"
        + " (rocksdb.num-snapshots=3)");
  }
}
