package io.triplestore.snapshots;

import io.triplestore.snapshots.testkit.CheckedSnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jetbrains.lincheck.datastructures.IntGen;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Param;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's model checker over the lease lifecycle: it generates scenarios of create, read,
 * release, renew, force-release, expiry tick and close on up to three threads, and runs each
 * under many interleavings it chooses (switching threads at every shared-memory access, lock and
 * park), checking that the results are linearizable (some sequential order of the same calls
 * gives them) and, after each run, that the {@link CheckedSnapshotSource} saw no read or release
 * of a released snapshot, no double release and no native call after close() returned, and that
 * every lease's listener calls came in the order onCreated, onExpiryWarning, onReleased.
 *
 * <p>Leases live in three slots: two taken when the scenario starts, one that {@code create}
 * fills. TTL 10 s, warning at 8 s; each {@code tick} advances the clock 6 s and runs
 * maintenance, so two ticks warn and expire a lease in the same run unless it was renewed.
 * Runs in its own surefire execution (see the module's pom): Lincheck instruments classes and
 * needs {@code --add-opens}.
 */
@Param(name = "slot", gen = IntGen.class, conf = "0:2")
public class LeaseLifecycleModelCheckTest {

  /** Instances made: one per invocation Lincheck runs (plus its sequential replays). */
  static final AtomicLong INVOCATIONS = new AtomicLong();

  private static final Duration TTL = Duration.ofSeconds(10);

  private final CheckedSnapshotSource source = new CheckedSnapshotSource();
  private final ManualTicker ticker = new ManualTicker();
  private final Map<Long, List<String>> eventsByLease = new ConcurrentHashMap<>();
  private final SnapshotRegistry registry;
  private final AtomicReferenceArray<SnapshotLease> slots = new AtomicReferenceArray<>(3);
  private volatile boolean closeReturned;

  public LeaseLifecycleModelCheckTest() {
    INVOCATIONS.incrementAndGet();
    registry = SnapshotRegistry.builder().source(source).name("model").ticker(ticker)
        .scheduler(Scheduler.manual()).defaultTtl(TTL).jfrEvents(false)
        .listener(new OrderRecorder()).build();
    slots.set(0, registry.create(LeaseOptions.builder().noOwner().build()));
    slots.set(1, registry.create(LeaseOptions.builder().noOwner().build()));
  }

  /** Records each lease's listener calls. */
  private final class OrderRecorder implements SnapshotListener {
    private void add(SnapshotLease lease, String event) {
      eventsByLease.computeIfAbsent(lease.id(), id -> new CopyOnWriteArrayList<>()).add(event);
    }

    @Override
    public void onCreated(SnapshotLease lease) {
      add(lease, "created");
    }

    @Override
    public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
      add(lease, "warning");
    }

    @Override
    public void onReleased(SnapshotLease lease, ReleaseReason reason) {
      add(lease, "released");
    }
  }

  @Operation
  public String create() {
    try {
      SnapshotLease lease = registry.create(LeaseOptions.builder().noOwner().build());
      return slots.compareAndSet(2, null, lease) ? "created" : "created (slot taken)";
    } catch (IllegalStateException closed) {
      return "closed";
    }
  }

  @Operation
  public String read(@Param(name = "slot") int slot) {
    SnapshotLease lease = slots.get(slot);
    if (lease == null) {
      return "empty";
    }
    boolean releasedBefore = lease.isReleased();
    try {
      lease.get(null, new byte[] {1});
      // isReleased() means "no new read can start": a read after it said true is a violation.
      return releasedBefore ? "READ AFTER isReleased()" : "read";
    } catch (SnapshotReleasedException e) {
      return "refused";
    }
  }

  @Operation
  public String release(@Param(name = "slot") int slot) {
    SnapshotLease lease = slots.get(slot);
    return lease == null ? "empty" : registry.release(lease.id()).name();
  }

  @Operation
  public String forceRelease(@Param(name = "slot") int slot) {
    SnapshotLease lease = slots.get(slot);
    return lease == null ? "empty" : registry.forceRelease(lease.id()).name();
  }

  @Operation
  public String renew(@Param(name = "slot") int slot) {
    SnapshotLease lease = slots.get(slot);
    if (lease == null) {
      return "empty";
    }
    try {
      lease.renew(TTL);
      return "renewed";
    } catch (SnapshotReleasedException e) {
      return "refused";
    }
  }

  @Operation
  public void tick() {
    ticker.advance(Duration.ofSeconds(6));
    registry.cleanUp();
  }

  @Operation
  public void close() {
    registry.close();
    // What the store does next: from here on a native call would crash the JVM.
    source.closeDatabase();
    closeReturned = true;
  }

  // Plain checks, not AssertJ: Lincheck compares objects it sees with equals(), which AssertJ's
  // assertion objects refuse.
  @Validate
  public void checkInvariants() {
    if (!source.violations().isEmpty()) {
      throw new AssertionError("misuse of native snapshots: " + source.violations());
    }
    eventsByLease.forEach((id, events) -> {
      String order = String.join(",", events);
      if (!order.matches("created(,warning)?(,released)?")) {
        throw new AssertionError("listener calls of lease " + id + " out of order: " + order);
      }
    });
    if (closeReturned && (source.liveSnapshots() != 0 || registry.count() != 0)) {
      throw new AssertionError("after close(): " + source.liveSnapshots() + " snapshots held, count "
          + registry.count());
    }
  }

  @Test
  void leaseLifecycleIsLinearizableAndNeverMisusesASnapshot() {
    long started = System.nanoTime();
    new ModelCheckingOptions()
        .iterations(Integer.getInteger("lincheck.iterations", 12))
        .invocationsPerIteration(Integer.getInteger("lincheck.invocations", 150))
        .threads(3)
        .actorsPerThread(2)
        .actorsBefore(1)
        .actorsAfter(1)
        .check(getClass());
    // Wall time on a shared machine says little; the process's CPU time is the figure to compare.
    Duration cpu = ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    System.out.printf("lincheck: %d test instances in %.1f s, JVM CPU time %.1f s%n",
        INVOCATIONS.get(), (System.nanoTime() - started) / 1e9, cpu.toMillis() / 1e3);
  }
}
