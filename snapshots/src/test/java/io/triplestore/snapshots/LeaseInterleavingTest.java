package io.triplestore.snapshots;

import static io.triplestore.snapshots.ThreadWaits.awaitParked;
import static io.triplestore.snapshots.ThreadWaits.awaitStuckOrDone;
import static io.triplestore.snapshots.ThreadWaits.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.ThreadWaits.Worker;
import io.triplestore.snapshots.testkit.CheckedSnapshotSource;
import io.triplestore.snapshots.testkit.CheckedSnapshotSource.Gate;
import io.triplestore.snapshots.testkit.CheckedSnapshotSource.Operation;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The interleavings of issue 12, cases 1 to 4, each forced every run: a thread is stopped inside a
 * native call of a {@link CheckedSnapshotSource} (or inside a listener) while another thread does
 * the racing operation, and the source records any call that would have crashed a real database.
 */
class LeaseInterleavingTest {

  private final CheckedSnapshotSource source = new CheckedSnapshotSource();
  private final ManualTicker ticker = new ManualTicker();
  private final RecordingListener events = new RecordingListener();
  private SnapshotRegistry registry;

  private SnapshotRegistry open(SnapshotRegistryBuilder builder) {
    registry = builder.source(source).name("interleaving").ticker(ticker).scheduler(Scheduler.manual())
        .listener(events).jfrEvents(false).build();
    return registry;
  }

  private SnapshotRegistry open() {
    return open(SnapshotRegistry.builder());
  }

  @AfterEach
  void closeRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  // ---- case 1: close() is a barrier ----

  /** What the store does on another thread: close the registry, then the database; returns once it is stuck or done. */
  private Worker closeRegistryThenDatabase() {
    Worker closer = start("closer", () -> {
      registry.close();
      source.closeDatabase();
    });
    awaitStuckOrDone(closer);
    return closer;
  }

  @Test
  void closeWaitsForAReleaseAnotherThreadHasClaimed() throws Exception {
    SnapshotLease lease = open().create();
    Gate nativeRelease = source.holdNext(Operation.RELEASE);
    Worker holder = start("holder", lease::close);
    nativeRelease.awaitEntered();

    Worker closer = closeRegistryThenDatabase();
    nativeRelease.open();
    holder.join();
    closer.join();

    assertThat(source.violations()).isEmpty();
    assertThat(source.log()).containsSubsequence("released 1", "database closed");
  }

  @Test
  void closeWaitsForAReadInFlightOnALeaseReleasedByAnotherThread() throws Exception {
    SnapshotLease lease = open().create();
    Gate read = source.holdNext(Operation.GET);
    Worker reader = start("reader", () -> lease.get(null, new byte[] {1}));
    read.awaitEntered();
    Worker holder = start("holder", lease::close);
    awaitStuckOrDone(holder);

    Worker closer = closeRegistryThenDatabase();
    read.open();
    reader.join();
    holder.join();
    closer.join();

    assertThat(source.violations()).isEmpty();
    assertThat(source.log()).containsSubsequence("released 1", "database closed");
  }

  @Test
  void createRacingCloseMakesNoNativeCallOnTheClosedDatabase() throws Exception {
    open();
    Gate take = source.holdNext(Operation.TAKE);
    AtomicReference<SnapshotLease> created = new AtomicReference<>();
    Worker creator = start("creator", () -> {
      try {
        created.set(registry.create());
      } catch (IllegalStateException closed) {
        // The other allowed outcome: the create lost the race and says the registry is closed.
      }
    });
    take.awaitEntered();

    Worker closer = closeRegistryThenDatabase();
    take.open();
    creator.join();
    closer.join();

    assertThat(source.violations()).isEmpty();
    assertThat(source.liveSnapshots()).isZero();
    if (created.get() != null) {
      assertThat(created.get().releaseReason()).contains(ReleaseReason.CLOSED);
    }
  }

  @Test
  void aLeaseWhoseSnapshotIsStillBeingTakenIsNeitherFoundNorReleasableById() throws Exception {
    open();
    Gate take = source.holdNext(Operation.TAKE);
    AtomicReference<SnapshotLease> created = new AtomicReference<>();
    Worker creator = start("creator", () -> created.set(registry.create()));
    take.awaitEntered();

    try {
      // Its id is handed out (the lease is published before the native call), its snapshot is not.
      assertThat(registry.find(1)).isEmpty();
      assertThatThrownBy(() -> registry.lease(1)).isInstanceOf(UnknownLeaseException.class);
      assertThat(registry.forceRelease(1)).isEqualTo(ReleaseOutcome.UNKNOWN);
      assertThat(registry.info(10)).isEmpty();
    } finally {
      take.open();
    }
    creator.join();
    assertThat(registry.find(1)).contains(created.get());
    assertThat(registry.forceRelease(1)).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void anOperatorsBulkReleaseRacingACreateWaitsForTheSnapshotAndReleasesIt() throws Exception {
    open();
    Gate take = source.holdNext(Operation.TAKE);
    AtomicReference<SnapshotLease> created = new AtomicReference<>();
    Worker creator = start("creator", () -> created.set(registry.create()));
    take.awaitEntered();

    Worker operator;
    try {
      operator = start("operator", () -> registry.forceReleaseOwner("creator"));
      awaitParked(operator);
    } finally {
      take.open();
    }
    creator.join();
    operator.join();

    assertThat(created.get().releaseReason()).contains(ReleaseReason.FORCED);
    assertThat(source.liveSnapshots()).isZero();
    assertThat(source.violations()).isEmpty();
    assertThat(events.events).containsExactly("created 1", "released 1 FORCED");
  }

  @Test
  void createAfterCloseFailsClearlyWithoutANativeCall() {
    open().close();

    assertThatThrownBy(registry::create).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("snapshot registry 'interleaving' is closed");
    assertThat(source.log()).noneMatch(line -> line.startsWith("took"));
  }

  @Test
  void anInterruptedReleaserWaitsForReadsWithoutSpinningAndKeepsItsInterrupt() throws Exception {
    SnapshotLease lease = open().create();
    Gate read = source.holdNext(Operation.GET);
    Worker reader = start("reader", () -> lease.get(null, new byte[] {1}));
    read.awaitEntered();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Worker releaser = start("interrupted releaser", () -> {
      Thread.currentThread().interrupt();
      lease.close();
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    });

    // A thread that spins on parkNanos while interrupted never shows as WAITING.
    awaitParked(releaser);
    read.open();
    reader.join();
    releaser.join();

    assertThat(stillInterrupted).isTrue();
    assertThat(lease.releaseReason()).contains(ReleaseReason.MANUAL);
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void closeFromAListenerOnTheMaintenanceThreadDoesNotWaitForItself() {
    AtomicBoolean closeReturned = new AtomicBoolean();
    // The real maintenance thread, ticking every millisecond on the fake clock.
    registry = SnapshotRegistry.builder().source(source).name("interleaving").ticker(ticker)
        .scheduler(Scheduler.daemonThread()).tick(Duration.ofMillis(1)).listener(events).jfrEvents(false).build();
    registry.addListener(new SnapshotListener() {
      @Override
      public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
        registry.close(); // stops the maintenance thread it runs on, and releases this lease
        closeReturned.set(true);
      }
    });
    SnapshotLease lease = registry.create(Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(9));

    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilTrue(closeReturned);
    assertThat(registry.isClosed()).isTrue();
    assertThat(lease.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(source.liveSnapshots()).isZero();
    // The lease's onReleased waits for its warning to return (listener order), so it comes after
    // onRegistryClosed here: the documented exception for a close() from inside a lease's listener.
    assertThat(events.events).containsExactly("created 1", "warning 1", "closed interleaving", "released 1 CLOSED");
  }

  // ---- case 2: a renew that succeeded is never followed by an expiry of the old deadline ----

  @Test
  void renewOnTheWarningIsNotFollowedByAnExpiryInTheSameTick() {
    open();
    registry.addListener(new RenewOnWarning(Duration.ofMinutes(10)));
    SnapshotLease lease = registry.create(Duration.ofSeconds(2));

    ticker.advance(Duration.ofMinutes(1));
    registry.cleanUp();

    assertThat(lease.isReleased()).isFalse();
    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(events.events).containsExactly("created 1", "warning 1");
    assertThat(registry.statistics().releasedByReason().get(ReleaseReason.EXPIRED)).isZero();
  }

  @Test
  void renewOnTheWarningIsNotFollowedByAReleaseDueInReportMode() {
    open(SnapshotRegistry.builder().expiryAction(ExpiryAction.REPORT));
    registry.addListener(new RenewOnWarning(Duration.ofMinutes(10)));
    SnapshotLease lease = registry.create(Duration.ofSeconds(2));

    ticker.advance(Duration.ofMinutes(1));
    registry.cleanUp();

    assertThat(events.events).containsExactly("created 1", "warning 1");
    assertThat(lease.info().expired()).isFalse();
    assertThat(registry.statistics().releasesDue()).isZero();
  }

  /** The listener a careful holder writes: renew when warned. */
  private static final class RenewOnWarning implements SnapshotListener {
    private final Duration ttl;

    RenewOnWarning(Duration ttl) {
      this.ttl = ttl;
    }

    @Override
    public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
      lease.renew(ttl);
    }
  }

  // ---- case 3: per lease, onCreated comes first ----

  /**
   * Records the order in which each call of the chosen kind ends and onReleased arrives, and holds
   * the first call of that kind until {@link #letGo()}.
   */
  private static final class HeldListener implements SnapshotListener {
    final List<String> order = new CopyOnWriteArrayList<>();
    private final String held;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);

    HeldListener(String held) {
      this.held = held;
    }

    private void hold(String event, SnapshotLease lease) {
      if (event.equals(held)) {
        entered.countDown();
        Uninterruptibly.await(letGo);
      }
      order.add(event + " " + lease.id());
    }

    void awaitHeld() throws InterruptedException {
      entered.await();
    }

    void letGo() {
      letGo.countDown();
    }

    @Override
    public void onCreated(SnapshotLease lease) {
      hold("created", lease);
    }

    @Override
    public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
      hold("warning", lease);
    }

    @Override
    public void onReleased(SnapshotLease lease, ReleaseReason reason) {
      order.add("released " + lease.id() + " " + reason);
    }
  }

  @Test
  void onCreatedComesBeforeOnReleasedWhenAForceReleaseRacesTheCreator() throws Exception {
    open();
    HeldListener listener = new HeldListener("created");
    registry.addListener(listener);
    Worker creator = start("creator", registry::create);
    listener.awaitHeld();

    ReleaseOutcome outcome = registry.forceRelease(1);
    listener.letGo();
    creator.join();

    assertThat(outcome).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(listener.order).containsExactly("created 1", "released 1 FORCED");
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void onExpiryWarningComesBeforeOnReleasedWhenAForceReleaseRacesTheWarning() throws Exception {
    open();
    HeldListener listener = new HeldListener("warning");
    registry.addListener(listener);
    registry.create(Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(8));
    Worker maintenance = start("maintenance", registry::cleanUp);
    listener.awaitHeld();

    ReleaseOutcome outcome = registry.forceRelease(1);
    listener.letGo();
    maintenance.join();

    assertThat(outcome).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(listener.order).containsExactly("created 1", "warning 1", "released 1 FORCED");
  }

  // ---- case 4: released means finished ----

  @Test
  void alreadyReleasedIsAnsweredOnlyOnceTheOtherThreadsReleaseHasFinished() throws Exception {
    SnapshotLease lease = open().create();
    Gate nativeRelease = source.holdNext(Operation.RELEASE);
    Worker holder = start("holder", lease::close);
    nativeRelease.awaitEntered();

    assertThat(lease.isReleased()).as("no new read can start once a release is claimed").isTrue();
    assertThatThrownBy(() -> lease.get(null, new byte[] {1})).isInstanceOf(SnapshotReleasedException.class);
    Worker second = start("second releaser", () -> source.mark("answered " + registry.release(lease.id())));
    awaitStuckOrDone(second);
    nativeRelease.open();
    holder.join();
    second.join();

    assertThat(source.log()).containsSubsequence("released 1", "answered ALREADY_RELEASED");
    assertThat(source.violations()).isEmpty();
  }

  // ---- case 5: one set of point reads per lease, closed once, never under a read ----

  @Test
  void aLeaseNeverReadOpensNoPointReads() {
    SnapshotLease lease = open().create();
    lease.close();

    assertThat(source.openedPointReaders()).isZero();
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void everyGetOfALeaseSharesThePointReadsItsFirstGetOpened() {
    SnapshotLease lease = open().create();
    for (int i = 0; i < 5; i++) {
      lease.get(null, new byte[] {1});
    }

    assertThat(source.openedPointReaders()).isOne();
    assertThat(source.unclosedPointReaders()).as("open until the lease is released").isOne();
    lease.close();
    assertThat(source.unclosedPointReaders()).isZero();
    assertThat(source.log()).containsSubsequence("opened reads 1 at 1", "closed reads 1", "released 1");
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void aReleaseRacingAGetClosesThePointReadsOnlyAfterTheGetReturnsAndBeforeTheSnapshot() throws Exception {
    SnapshotLease lease = open().create();
    lease.get(null, new byte[] {1});
    Gate read = source.holdNext(Operation.GET);
    Worker reader = start("reader", () -> lease.get(null, new byte[] {1}));
    read.awaitEntered();
    Worker releaser = start("releaser", lease::close);
    List<String> whileTheReadIsHeld;
    try {
      awaitParked(releaser);
      whileTheReadIsHeld = List.copyOf(source.log());
    } finally {
      read.open();
    }
    reader.join();
    releaser.join();

    assertThat(whileTheReadIsHeld).as("nothing freed while a read is inside the native call")
        .doesNotContain("closed reads 1", "released 1");
    assertThat(source.log()).containsSubsequence("closed reads 1", "released 1");
    assertThat(source.unclosedPointReaders()).isZero();
    assertThat(source.violations()).isEmpty();
    assertThatThrownBy(() -> lease.get(null, new byte[] {1})).isInstanceOf(SnapshotReleasedException.class);
    assertThat(source.openedPointReaders()).as("a get at a released lease opens nothing").isOne();
  }

  @Test
  void twoFirstGetsRacingKeepOnePointReaderAndTheLoserClosesItsOwn() throws Exception {
    SnapshotLease lease = open().create();
    Gate opening = source.holdNext(Operation.OPEN_READS);
    Worker slow = start("slow first get", () -> lease.get(null, new byte[] {1}));
    opening.awaitEntered();
    // The slow one is held before its reader is numbered: this get opens reads 1 and publishes them.
    lease.get(null, new byte[] {1});
    opening.open();
    slow.join();

    assertThat(source.openedPointReaders()).isEqualTo(2);
    assertThat(source.log()).as("the loser's reader, never seen by another thread, is closed at once")
        .containsSubsequence("opened reads 1 at 1", "opened reads 2 at 1", "closed reads 2");
    assertThat(source.unclosedPointReaders()).isOne();
    lease.close();
    assertThat(source.log()).containsSubsequence("closed reads 1", "released 1");
    assertThat(source.unclosedPointReaders()).isZero();
    assertThat(source.violations()).isEmpty();
  }

  @Test
  void closeReleasesTheSnapshotOfALeaseReadFromAnotherThreadOnlyAfterItsPointReads() throws Exception {
    SnapshotLease lease = open().create();
    Gate read = source.holdNext(Operation.GET);
    Worker reader = start("reader", () -> lease.get(null, new byte[] {1}));
    read.awaitEntered();

    Worker closer = closeRegistryThenDatabase();
    read.open();
    reader.join();
    closer.join();

    assertThat(source.log()).containsSubsequence("closed reads 1", "released 1", "database closed");
    assertThat(source.violations()).isEmpty();
  }
}
