package io.triplestore.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.agent.fakes.FakeDb;
import io.triplestore.agent.fakes.FakeSnapshot;
import io.triplestore.snapshots.ExpiryAction;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.spi.TrackingRegistry;
import io.triplestore.snapshots.StackCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tracker against stand-in rocksdb objects, with a manual clock: the bookkeeping that the
 * host JVM tests cannot force (reused handles, the order of agent and host releases).
 */
class SnapshotTrackerTest {

  private static final Duration TTL = Duration.ofSeconds(10);
  private static final Duration PAST_THE_TTL = TTL.plusSeconds(1);

  private final AtomicLong nanos = new AtomicLong();
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final FakeDb db = new FakeDb(1);
  private TrackingRegistry registry;
  private SnapshotTracker tracker;

  private void start(ReleaseMode mode) {
    start(mode, Duration.ZERO);
  }

  private void start(ReleaseMode mode, Duration grace) {
    RocksAccess access = new RocksAccess();
    AgentLog log = new AgentLog(new PrintStream(output, true, StandardCharsets.UTF_8));
    SnapshotReporter reporter = new SnapshotReporter(log, "io.triplestore.agent.fakes", mode);
    ObservedSnapshotSource source = new ObservedSnapshotSource(access);
    tracker = new SnapshotTracker(access, reporter, mode, "io.triplestore.agent.fakes", grace);
    source.connect(tracker);
    registry = SnapshotRegistry.builder().source(source)
        .expiryAction(mode == ReleaseMode.NEVER ? ExpiryAction.REPORT : ExpiryAction.RELEASE)
        .defaultTtl(TTL).stackCapture(StackCapture.off())
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

  /** Moves the clock past every lease's TTL and runs the maintenance that is then due. */
  private void expireEveryLease() {
    nanos.addAndGet(PAST_THE_TTL.toNanos());
    registry.cleanUp();
  }

  /**
   * An operator's force-release inside the window after the registry published a lease and before
   * the tracker indexed it: onCreated runs there, on the registering thread.
   */
  private void forceReleaseEachLeaseAsItIsCreated() {
    registry.addListener(new SnapshotListener() {
      @Override
      public void onCreated(SnapshotLease lease) {
        registry.forceRelease(lease.id());
      }
    });
  }

  /** What the host's {@code db.releaseSnapshot(snapshot)} does with the advice inlined: skippable by the agent. */
  private void hostReleases(FakeSnapshot snapshot) {
    if (!tracker.snapshotReleasing(db, snapshot)) {
      db.releaseSnapshot(snapshot);
    }
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

    expireEveryLease();

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

    expireEveryLease();

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
    expireEveryLease();

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

  /**
   * Interleaving 5 (issue 12): an operator's force-release lands after the registry published the
   * new lease and before the tracker indexed it. In {@code release=never} the host still holds the
   * native snapshot, so its own release must run, and nothing of the lease may stay behind.
   */
  @Test
  void aForceReleaseBetweenPublishAndIndexLeavesTheHostsOwnReleaseToRun() {
    start(ReleaseMode.NEVER);
    forceReleaseEachLeaseAsItIsCreated();
    FakeSnapshot snapshot = db.snapshot(100);

    tracker.snapshotTaken(db, snapshot);
    assertThat(registry.statistics().released(ReleaseReason.FORCED)).isEqualTo(1);
    hostReleases(snapshot);

    assertThat(db.nativeReleases).as("the host's own release ran").containsExactly(100L);
    assertThat(db.holds(100)).isFalse();
    assertThat(registry.count()).isZero();
    assertThat(tracker.indexedSnapshots()).as("index entries left behind").isZero();
    assertThat(output()).as("the agent saw the snapshot taken").doesNotContain("UNTRACKED");
  }

  @Test
  void aSnapshotForceReleasedInObserveModeIsStillReleasedByTheHost() {
    start(ReleaseMode.NEVER);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);

    registry.forceRelease(1);
    assertThat(db.nativeReleases).as("release=never: the agent never releases").isEmpty();
    hostReleases(snapshot);

    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(tracker.indexedSnapshots()).isZero();
  }

  /**
   * Interleaving 6 (issue 12): the agent releases an expired snapshot; the host's next snapshot
   * gets the freed address; the host's late release of the first wrapper must free neither the
   * second snapshot nor anything twice.
   */
  @Test
  void theHostsLateReleaseOfAnExpiredSnapshotNeverFreesTheSnapshotThatReusedItsAddress() {
    start(ReleaseMode.EXPIRED);
    FakeSnapshot first = db.snapshot(100);
    tracker.snapshotTaken(db, first);
    expireEveryLease();
    assertThat(db.nativeReleases).as("the agent released the expired snapshot").containsExactly(100L);
    // The native allocator hands the freed address to the host's next snapshot.
    FakeSnapshot second = db.snapshot(100);
    tracker.snapshotTaken(db, second);

    hostReleases(first);
    assertThat(db.holds(100)).as("the second snapshot is still held after the first one's late release").isTrue();
    assertThat(registry.count()).isEqualTo(1);
    hostReleases(second);

    assertThat(db.releasesOfFreedSnapshots).as("double frees").isEmpty();
    assertThat(db.nativeReleases).containsExactly(100L, 100L);
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isEqualTo(1);
    assertThat(output()).contains("SKIPPED a releaseSnapshot of a snapshot the agent had already released");
  }

  /** The host releases while the agent's own release of the same snapshot is under way: one native release. */
  @Test
  void aHostReleaseDuringTheAgentsReleaseIsSkipped() throws Exception {
    start(ReleaseMode.EXPIRED);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);
    CountDownLatch agentReleasing = new CountDownLatch(1);
    CountDownLatch hostDone = new CountDownLatch(1);
    db.onNativeRelease = () -> {
      db.onNativeRelease = () -> { };
      agentReleasing.countDown();
      await(hostDone);
    };
    nanos.addAndGet(PAST_THE_TTL.toNanos());
    Thread maintenance = new Thread(registry::cleanUp, "maintenance");
    maintenance.start();
    await(agentReleasing);

    boolean skipped = tracker.snapshotReleasing(db, snapshot);
    hostDone.countDown();
    maintenance.join();

    assertThat(skipped).as("the host's release is skipped while the agent releases").isTrue();
    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(db.releasesOfFreedSnapshots).isEmpty();
  }

  // ---- the grace period: young snapshots, handed to the registry only if still held ----

  private static final Duration GRACE = Duration.ofSeconds(1);

  /** Moves the clock past the grace period and runs the hand-off, as the agent's hand-off thread does every tick. */
  private void handOffAfterTheGracePeriod() {
    nanos.addAndGet(GRACE.toNanos());
    tracker.handOffOlderThanGrace(nanos.get());
  }

  @Test
  void aSnapshotReleasedWithinTheGracePeriodNeverReachesTheRegistry() {
    start(ReleaseMode.NEVER, GRACE);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);
    assertThat(registry.count()).as("not registered on the host's thread").isZero();
    assertThat(tracker.youngSnapshots()).isEqualTo(1);

    hostReleases(snapshot);
    handOffAfterTheGracePeriod();

    assertThat(db.nativeReleases).as("the host's own release ran").containsExactly(100L);
    assertThat(tracker.indexedSnapshots()).isZero();
    assertThat(registry.statistics().totalCreated()).isZero();
  }

  @Test
  void aSnapshotHeldPastTheGracePeriodIsRegisteredAsTakenByItsThreadAtItsTime() throws Exception {
    start(ReleaseMode.NEVER, GRACE);
    FakeSnapshot snapshot = db.snapshot(100);
    Thread host = new Thread(() -> tracker.snapshotTaken(db, snapshot), "host-thread");
    host.start();
    host.join();
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    tracker.handOffOlderThanGrace(nanos.get());

    assertThat(registry.count()).isEqualTo(1);
    assertThat(tracker.youngSnapshots()).isZero();
    var info = registry.find(1).orElseThrow().info();
    assertThat(info.ownerLabel()).isEqualTo("host-thread");
    assertThat(info.ownerThread()).isEqualTo("host-thread");
    assertThat(info.age()).as("aged from the taking, not the hand-off").isEqualTo(Duration.ofSeconds(2));
    hostReleases(snapshot);
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isEqualTo(1);
    assertThat(db.nativeReleases).containsExactly(100L);
  }

  @Test
  void aYoungSnapshotIsLeftAloneUntilItsGracePeriodHasPassed() {
    start(ReleaseMode.NEVER, GRACE);
    tracker.snapshotTaken(db, db.snapshot(100));
    nanos.addAndGet(GRACE.toNanos() - 1);

    tracker.handOffOlderThanGrace(nanos.get());

    assertThat(registry.count()).isZero();
    nanos.addAndGet(1);
    tracker.handOffOlderThanGrace(nanos.get());
    assertThat(registry.count()).isEqualTo(1);
  }

  @Test
  void aHandedOffSnapshotExpiresByTheTtlFromItsTaking() {
    start(ReleaseMode.EXPIRED, GRACE);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);
    handOffAfterTheGracePeriod();
    nanos.addAndGet(TTL.minus(GRACE).toNanos() + 1);

    registry.cleanUp();

    assertThat(db.nativeReleases).as("expired at its TTL from the taking").containsExactly(100L);
    assertThat(registry.statistics().released(ReleaseReason.EXPIRED)).isEqualTo(1);
    assertThat(tracker.snapshotReleasing(db, snapshot)).as("the host's late release is skipped").isTrue();
  }

  /**
   * The host releases while the hand-off is making the lease (after the registry published it,
   * before the hand-off finished): the host's own release runs, the lease is released exactly
   * once, and nothing stays behind.
   */
  @Test
  void aHostReleaseDuringTheHandOffReleasesTheLeaseOnceAndRunsNatively() {
    start(ReleaseMode.NEVER, GRACE);
    FakeSnapshot snapshot = db.snapshot(100);
    int[] hostReleasesInTheWindow = {0};
    registry.addListener(new SnapshotListener() {
      @Override
      public void onCreated(SnapshotLease lease) {
        hostReleasesInTheWindow[0]++;
        hostReleases(snapshot);
      }
    });
    tracker.snapshotTaken(db, snapshot);

    handOffAfterTheGracePeriod();

    assertThat(hostReleasesInTheWindow[0]).isEqualTo(1);
    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(db.releasesOfFreedSnapshots).isEmpty();
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().totalCreated()).isEqualTo(1);
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isEqualTo(1);
    assertThat(tracker.indexedSnapshots()).as("entries left behind").isZero();
  }

  /** An operator's force-release lands inside the hand-off: the host's own release must still run, and nothing stays. */
  @Test
  void aForceReleaseDuringTheHandOffLeavesTheHostsOwnReleaseToRun() {
    start(ReleaseMode.NEVER, GRACE);
    forceReleaseEachLeaseAsItIsCreated();
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);

    handOffAfterTheGracePeriod();
    hostReleases(snapshot);

    assertThat(registry.statistics().released(ReleaseReason.FORCED)).isEqualTo(1);
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isZero();
    assertThat(db.nativeReleases).containsExactly(100L);
    assertThat(registry.count()).isZero();
    assertThat(tracker.indexedSnapshots()).isZero();
  }

  @Test
  void closingTheDatabaseReportsAndEndsItsYoungSnapshotsToo() {
    start(ReleaseMode.NEVER, GRACE);
    tracker.snapshotTaken(db, db.snapshot(100));
    handOffAfterTheGracePeriod();
    tracker.snapshotTaken(db, db.snapshot(101));

    tracker.databaseClosing(db);
    db.markClosed();
    handOffAfterTheGracePeriod();

    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().released(ReleaseReason.CLOSED)).isEqualTo(2);
    assertThat(tracker.indexedSnapshots()).isZero();
    assertThat(output()).contains("HELD AT CLOSE database /fake/db-1 is closing with 2 snapshot(s) still held:");
  }

  @Test
  void aYoungSnapshotOfADatabaseClosedSinceIsEndedNotRegistered() {
    start(ReleaseMode.NEVER, GRACE);
    FakeSnapshot snapshot = db.snapshot(100);
    tracker.snapshotTaken(db, snapshot);
    // The host closes the database without the agent seeing it (say, by a path it does not instrument).
    tracker.openDatabases().iterator().next().markClosed();

    handOffAfterTheGracePeriod();

    assertThat(registry.statistics().totalCreated()).isZero();
    assertThat(tracker.indexedSnapshots()).isZero();
  }

  @Test
  void moreYoungSnapshotsThanTheTableHoldsAreAllTrackedAndReleased() {
    start(ReleaseMode.NEVER, GRACE);
    int count = 3 * 1024 * YoungSnapshots.BUCKET;
    FakeSnapshot[] snapshots = new FakeSnapshot[count];
    for (int i = 0; i < count; i++) {
      snapshots[i] = db.snapshot(0x7f0000001000L + 64L * i);
      tracker.snapshotTaken(db, snapshots[i]);
    }
    assertThat(tracker.youngSnapshots()).isEqualTo(count);
    for (int i = 0; i < count; i += 2) {
      hostReleases(snapshots[i]);
    }
    handOffAfterTheGracePeriod();

    assertThat(registry.count()).isEqualTo(count / 2);
    for (int i = 1; i < count; i += 2) {
      hostReleases(snapshots[i]);
    }
    assertThat(registry.count()).isZero();
    assertThat(tracker.indexedSnapshots()).isZero();
    assertThat(db.releasesOfFreedSnapshots).isEmpty();
    assertThat(db.nativeReleases).hasSize(count);
  }

  /**
   * Hosts taking and releasing on two threads while the hand-off runs in a loop with a grace period
   * of zero nanoseconds of the manual clock (everything pending is due): every order of a host's
   * release and a hand-off that the threads reach. Bounded by its iteration count.
   */
  @Test
  void hostsAndTheHandOffRacingLeaveEveryLeaseReleasedOnceAndNothingBehind() throws Exception {
    start(ReleaseMode.NEVER, Duration.ofNanos(1));
    int perThread = 5_000;
    java.util.concurrent.atomic.AtomicBoolean hostsDone = new java.util.concurrent.atomic.AtomicBoolean();
    Thread handOff = new Thread(() -> {
      while (!hostsDone.get()) {
        tracker.handOffOlderThanGrace(nanos.incrementAndGet());
      }
    }, "hand-off");
    Thread[] hosts = new Thread[2];
    for (int t = 0; t < hosts.length; t++) {
      long base = 0x7f0000000000L + ((long) t << 32);
      hosts[t] = new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          FakeSnapshot snapshot = db.snapshot(base + 16L * (i % 64));
          tracker.snapshotTaken(db, snapshot);
          hostReleases(snapshot);
        }
      }, "host-" + t);
    }
    handOff.start();
    for (Thread host : hosts) {
      host.start();
    }
    for (Thread host : hosts) {
      host.join();
    }
    hostsDone.set(true);
    handOff.join();

    assertThat(db.releasesOfFreedSnapshots).as("double frees").isEmpty();
    assertThat(db.nativeReleases).hasSize(2 * perThread);
    assertThat(registry.count()).isZero();
    var statistics = registry.statistics();
    assertThat(statistics.released(ReleaseReason.MANUAL)).as("every lease made was released once")
        .isEqualTo(statistics.totalCreated());
    assertThat(tracker.indexedSnapshots()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("a thread never reached its point");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
