package io.triplestore.snapshots;

import io.triplestore.snapshots.spi.TrackingRegistry;
import io.triplestore.snapshots.spi.TrackingRegistry.Origin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The registry: creation, release, renewal, lookup and close. Maintenance (warnings, expiry, owner
 * checks) lives in {@link LeaseMaintenance}, operators' bulk releases in {@link OperatorActions},
 * and each lease's lifecycle in {@link Lease}'s state machine.
 *
 * <p>The hot path takes no lock. A create pushes the new lease onto the {@link LeaseIntake} (one
 * CAS, which also gives the id), checks {@code closed}, takes the native snapshot and publishes it
 * in the lease; a release claims the lease (one CAS), waits for its reads, releases the native
 * snapshot and marks it finished (one CAS). The registry's maps (id map, creation order, deadline
 * wheel, owner groups) are filled from the intake in batches under the lock ({@link
 * #drainIntake()}) by whoever needs them next: the maintenance tick, any lookup, listing or
 * statistics, close(), and every 64th create. A lease whose release finished before that is only
 * counted, never filed; a filed ("linked") lease is unlinked under the lock before it is marked
 * finished.
 *
 * <p>Concurrency: one lock ({@code this}) guards the maps, the intake's drain side, the counters
 * and the lease fields marked "registry lock". Creation, release, reads and listener calls run
 * outside it. Close against create is a Dekker handshake: a creator pushes its lease (a full
 * fence) and then reads {@code closed}; close() writes {@code closed} and then drains the intake.
 * So either the creator sees {@code closed} and never touches the database (its lease is marked
 * {@link Lease#ABORTED}), or close() drains the lease, claims it, and waits in the release until
 * the creator has published the snapshot it was taking, then releases it. A lease stays linked
 * until its native release is done, so close(), which releases every linked lease and waits for
 * those another thread claimed, returns only once no release, read or create is running, and
 * after stopping the maintenance thread.
 */
final class DefaultSnapshotRegistry implements TrackingRegistry {

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");
  private static final int WHEEL_SLOTS = 4096;
  /** A creator whose id is a multiple of this drains the intake: bounds what waits there. */
  private static final int DRAIN_EVERY = 64;
  /**
   * Creates check the lease limit against an estimate without the lock while it is at least this
   * far below the limit, and exactly under the lock above that. The estimate is high by at most
   * the leases released since the last drain, which {@link #DRAIN_EVERY} bounds.
   */
  private static final int LIMIT_MARGIN = 2 * DRAIN_EVERY;

  private final String name;
  @SuppressWarnings("rawtypes")
  private final SnapshotSource source;
  private final SnapshotReader<Object> reader;
  final ExpiryAction expiryAction;
  private final Duration defaultTtl;
  private final long defaultTtlNanos;
  private final Duration maxTtl;
  private final double warnFraction;
  final RegistryClock clock;
  private final StackCapture stackCapture;
  private final int maxLeases;
  private final long originNanos;
  private final long originEpochMillis;
  final ListenerChain listeners = new ListenerChain();
  private final AutoCloseable maintenanceTask;
  private final LeaseMaintenance maintenance;
  private final OperatorActions operators;
  private final java.util.concurrent.CountDownLatch closeFinished = new java.util.concurrent.CountDownLatch(1);
  /**
   * Held while the source reads a database property. JMX and JFR read them on their own threads,
   * and the database may be closed as soon as this registry's close() returns: close() takes this
   * lock once after setting {@code closed}, so no property read starts or runs after it.
   */
  private final Object propertyLock = new Object();
  private final LeaseIntake intake;

  // this (fields without "private" are shared with LeaseMaintenance and OperatorActions)
  final LeaseMap byId = new LeaseMap();
  final CreationOrder creationOrder = new CreationOrder();
  final DeadlineWheel wheel;
  final OwnerTracker owners = new OwnerTracker();
  private final ReleasedHistory history;
  /** The leases a drain links, newest first; empty between drains. */
  private Lease[] linkBuffer = new Lease[64];
  /** Linked leases not yet unlinked: the live count once the intake is drained. */
  private int linked;
  /** Leases that got no snapshot (a failed create, or one that met close()). */
  private long aborted;
  private final long[] releasedByReason = new long[ReleaseReason.values().length];
  long warningsEmitted;
  long releasesDue;
  /**
   * Leases whose release was counted (at a drain or an unlink), aborted ones included. Written
   * under the lock, read without it: {@code newestId - settled} bounds the live count from above.
   */
  private volatile long settled;
  private volatile boolean closed;
  private volatile Thread closingThread;

  @SuppressWarnings("unchecked")
  DefaultSnapshotRegistry(SnapshotRegistryBuilder builder) {
    this.name = builder.name;
    this.source = builder.source;
    this.reader = (SnapshotReader<Object>) source.reader();
    this.expiryAction = builder.expiryAction;
    this.defaultTtl = builder.defaultTtl;
    this.defaultTtlNanos = builder.defaultTtl.toNanos();
    this.maxTtl = builder.maxTtl;
    this.warnFraction = builder.warnFraction;
    boolean coarseStamps = builder.stampsFromTick != null ? builder.stampsFromTick
        : builder.ticker == Ticker.system() && builder.scheduler == Scheduler.daemonThread();
    this.clock = new RegistryClock(builder.ticker, coarseStamps, builder.tick.toNanos());
    this.stackCapture = builder.stackCapture;
    this.maxLeases = builder.maxLeases;
    this.history = new ReleasedHistory(builder.releasedHistory);
    this.originNanos = clock.now();
    this.originEpochMillis = System.currentTimeMillis();
    this.wheel = new DeadlineWheel(WHEEL_SLOTS, builder.tick.toNanos(), originNanos);
    Lease origin = new Lease(this, Lease.ABORTED, "origin", "", "origin", originNanos, 0, null);
    origin.id = 0;
    this.intake = new LeaseIntake(origin);
    builder.listeners.forEach(listeners::add);
    this.maintenance = new LeaseMaintenance(this);
    this.operators = new OperatorActions(this);
    this.maintenanceTask = builder.scheduler.scheduleAtFixedRate(
        this::cleanUp, builder.tick, "triplestore-snapshots-" + name);
  }

  // ---- time ----

  long now() {
    return clock.now();
  }

  /** Wall-clock time of a ticker reading, anchored when the registry started. */
  Instant instantOf(long nanos) {
    return Instant.ofEpochMilli(originEpochMillis).plusNanos(nanos - originNanos);
  }

  private long ttlNanosOf(Duration ttl) {
    if (ttl == null) {
      return defaultTtlNanos;
    }
    SnapshotRegistryBuilder.requirePositive("lease TTL", ttl);
    if (maxTtl != null && ttl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException(
          "lease TTL " + ttl + " is above the max TTL " + maxTtl + " of snapshot registry '" + name + "'");
    }
    return ttl.toNanos();
  }

  /** Sets the deadlines from {@code startNanos}; {@code slackNanos} makes up for an early stamp. */
  private void setDeadlines(Lease lease, long startNanos, long slackNanos, long ttlNanos) {
    long start = saturatedAdd(startNanos, slackNanos);
    lease.ttlNanos = ttlNanos;
    lease.deadlineNanos = saturatedAdd(start, ttlNanos);
    lease.warnAtNanos = saturatedAdd(start, (long) (ttlNanos * warnFraction));
    lease.warned = false;
    lease.expiredFlag = false;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }

  // ---- create ----

  @Override
  public String name() {
    return name;
  }

  @Override
  public SnapshotLease create() {
    return create(LeaseOptions.DEFAULTS);
  }

  @Override
  public SnapshotLease create(Duration ttl) {
    return create(LeaseOptions.ttl(ttl));
  }

  @Override
  public SnapshotLease create(LeaseOptions options) {
    return register(null, options, ttlNanosOf(options.ttl()), true, null);
  }

  @Override
  public SnapshotLease track(Object snapshot, LeaseOptions options) {
    java.util.Objects.requireNonNull(snapshot, "snapshot");
    return register(snapshot, options, ttlNanosOf(options.ttl()), false, origin());
  }

  @Override
  public Origin origin() {
    return new Origin(Thread.currentThread(), clock.stamp(), stackCapture.shouldCapture() ? new CreationSite() : null);
  }

  @Override
  public SnapshotLease track(Object snapshot, LeaseOptions options, Origin origin) {
    java.util.Objects.requireNonNull(snapshot, "snapshot");
    java.util.Objects.requireNonNull(origin, "origin");
    if (origin.site() != null && !(origin.site() instanceof CreationSite)) {
      throw new IllegalArgumentException("not an origin of snapshot registry '" + name + "': " + origin);
    }
    return register(snapshot, options, ttlNanosOf(options.ttl()), false, origin);
  }

  private IllegalStateException closedException() {
    return new IllegalStateException("snapshot registry '" + name + "' is closed");
  }

  /**
   * Registers {@code tracked}, or with {@code take} a snapshot the source takes now; {@code origin}
   * says who took it and when (null: this thread, now).
   */
  private Lease register(Object tracked, LeaseOptions options, long ttlNanos, boolean take, Origin origin) {
    if (closed) {
      throw closedException();
    }
    Thread current = origin == null ? Thread.currentThread() : origin.thread();
    CreationSite site = origin == null ? (stackCapture.shouldCapture() ? new CreationSite() : null)
        : (CreationSite) origin.site();
    long now = origin == null ? clock.stamp() : origin.stampNanos();
    Lease lease = new Lease(this, take ? null : tracked, labelOf(options, current), options.description(),
        current.getName(), now, ttlNanos, site);
    setDeadlines(lease, now, clock.deadlineSlack(), ttlNanos);
    switch (options.ownerKind()) {
      case THREAD -> {
        lease.pendingOwner = options.owner() == null ? current : options.owner();
        lease.ownedByThread = true;
      }
      case OBJECT -> lease.pendingOwner = options.owner();
      case NONE -> { }
    }
    if (take && intake.newestId() - settled >= (long) maxLeases - LIMIT_MARGIN) {
      pushWithinTheLimit(lease);
    } else {
      intake.push(lease);
    }
    if (closed) {
      // close() may have drained it already: it then waits for this mark in its release.
      abandon(lease);
      throw closedException();
    }
    if (take) {
      Object snapshot;
      try {
        snapshot = source.take();
      } catch (RuntimeException | Error e) {
        abandon(lease);
        throw e;
      }
      lease.publishSnapshot(snapshot);
    }
    if ((lease.id & (DRAIN_EVERY - 1)) == 0) {
      synchronized (this) {
        drainIntake();
      }
    }
    listeners.created(lease);
    if (lease.endEvent()) {
      // Released by another thread while onCreated ran here: its onReleased was left to us.
      listeners.released(lease, lease.reasonOrNull());
    }
    return lease;
  }

  /**
   * Near the limit: counts exactly and publishes in the same step under the lock, so two creates
   * cannot both take the last place (the next one's drain finds this lease). Creates that passed
   * the estimate without the lock at the same time each saw at least {@link #LIMIT_MARGIN} places
   * left, so they cannot push the count past the limit either, short of that many racing at once.
   */
  private synchronized void pushWithinTheLimit(Lease lease) {
    drainIntake();
    if (linked >= maxLeases) {
      throw new LeaseLimitExceededException(name, maxLeases);
    }
    intake.push(lease);
  }

  /**
   * A lease that gets no snapshot: marked {@link Lease#ABORTED} (a release that close() claimed
   * meanwhile waits for that mark, and then releases nothing), then finished unless someone else
   * claimed it. Never announced to listeners: onCreated was not called.
   */
  private void abandon(Lease lease) {
    lease.publishSnapshot(Lease.ABORTED);
    lease.wakeSnapshotWaiter();
    if (lease.claim(ReleaseReason.CLOSED)) {
      finishRelease(lease, ReleaseReason.CLOSED, clock.stamp());
    }
  }

  // registry lock held
  /** Files every lease pushed since the last drain in the maps, or counts it if already released. */
  void drainIntake() {
    Lease lease = intake.drain();
    if (lease == null) {
      return;
    }
    long settledNow = 0;
    int toLink = 0;
    for (int n = intake.drainedCount(); n > 0; n--, lease = LeaseIntake.next(lease)) {
      if (lease.markLinked()) {
        if (toLink == linkBuffer.length) {
          linkBuffer = java.util.Arrays.copyOf(linkBuffer, toLink * 2);
        }
        linkBuffer[toLink++] = lease;
      } else {
        countRelease(lease, lease.reasonOrNull());
        settledNow++;
      }
    }
    // Linked oldest first: the creation order is id order.
    for (int i = toLink - 1; i >= 0; i--) {
      link(linkBuffer[i]);
      linkBuffer[i] = null;
    }
    if (linkBuffer.length > 4096 && toLink < linkBuffer.length / 4) {
      linkBuffer = new Lease[64];
    }
    settled = settled + settledNow; // one volatile write a drain, not one a lease
  }

  // registry lock held
  private void link(Lease lease) {
    Object owner = lease.pendingOwner;
    if (owner != null) {
      lease.pendingOwner = null;
      if (lease.ownedByThread) {
        owners.ownByThread(lease, (Thread) owner);
      } else {
        owners.ownByObject(lease, owner);
      }
    }
    byId.put(lease);
    creationOrder.append(lease);
    wheel.add(lease, lease.warnAtNanos);
    linked++;
  }

  // registry lock held
  private void unlink(Lease lease) {
    byId.remove(lease.id);
    creationOrder.unlink(lease);
    wheel.remove(lease);
    owners.forget(lease);
    linked--;
  }

  // registry lock held
  /** Counts a release (or an aborted create) once the lease is out of the maps or never in them. */
  private void countRelease(Lease lease, ReleaseReason reason) {
    if (lease.snapshotOrNull() == Lease.ABORTED) {
      aborted++;
    } else {
      history.add(lease.id, reason);
      releasedByReason[reason.ordinal()]++;
    }
  }

  private static String labelOf(LeaseOptions options, Thread current) {
    if (options.label() != null) {
      return options.label();
    }
    return switch (options.ownerKind()) {
      case THREAD -> options.owner() == null ? current.getName() : ((Thread) options.owner()).getName();
      case OBJECT -> options.owner().getClass().getName();
      case NONE -> "unowned";
    };
  }

  @Override
  public <T, X extends Exception> T withSnapshot(SnapshotFunction<T, X> work) throws X {
    return withSnapshot(null, work);
  }

  @Override
  public <T, X extends Exception> T withSnapshot(Duration ttl, SnapshotFunction<T, X> work) throws X {
    SnapshotLease lease = ttl == null ? create() : create(ttl);
    try {
      return work.apply(lease);
    } finally {
      lease.close();
    }
  }

  // ---- release ----

  /**
   * Releases {@code lease} for {@code reason} unless someone already claimed it; then waits until
   * that release has finished. Never throws.
   */
  ReleaseOutcome release(Lease lease, ReleaseReason reason) {
    if (!lease.claim(reason)) {
      lease.awaitFinished();
      return ReleaseOutcome.ALREADY_RELEASED;
    }
    completeRelease(lease, reason);
    return ReleaseOutcome.RELEASED;
  }

  /**
   * Runs a release this thread has claimed, to the end: drain, close what reads left open, native
   * release, unlink, finish.
   */
  void completeRelease(Lease lease, ReleaseReason reason) {
    try {
      Object snapshot = lease.awaitSnapshot();
      lease.awaitReadsDrained();
      lease.closeIterators();
      closePointReader(lease);
      if (snapshot != Lease.ABORTED) {
        releaseNative(snapshot, lease.id);
      }
    } finally {
      // An aborted lease's creator holds its event token for good, so it is never announced.
      if (finishRelease(lease, reason, clock.stamp()) == Lease.DELIVER) {
        listeners.released(lease, reason);
      }
    }
  }

  /**
   * After the native release: unlinks the lease if it is linked, then marks it finished. A lease
   * that is not linked is counted by the drain that finds it finished.
   */
  private int finishRelease(Lease lease, ReleaseReason reason, long nanos) {
    int outcome = lease.finish(nanos, false);
    if (outcome == Lease.UNLINK_FIRST) {
      synchronized (this) {
        unlink(lease);
        countRelease(lease, reason);
        settled = settled + 1;
      }
      outcome = lease.finish(nanos, true);
    }
    return outcome;
  }

  /** A point reader that fails to close must not keep the snapshot from being released. */
  private static void closePointReader(Lease lease) {
    try {
      lease.closePointReader();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "closing the point reads of lease " + lease.id + " failed", e);
    }
  }

  @SuppressWarnings("unchecked") // the source's own snapshot type, erased
  private void releaseNative(Object snapshot, long leaseId) {
    try {
      source.release(snapshot);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "releasing the snapshot of lease " + leaseId + " failed", e);
    }
  }

  @Override
  public ReleaseOutcome release(long id, ReleaseReason reason) {
    java.util.Objects.requireNonNull(reason, "reason");
    Lease lease;
    long issuedUpTo;
    synchronized (this) {
      drainIntake();
      lease = byId.get(id);
      issuedUpTo = intake.drainedUpTo();
    }
    if (lease != null) {
      // A lease whose creator is still taking its snapshot has not been handed out yet.
      return lease.snapshotOrNull() == null ? ReleaseOutcome.UNKNOWN : release(lease, reason);
    }
    return id > 0 && id <= issuedUpTo ? ReleaseOutcome.ALREADY_RELEASED : ReleaseOutcome.UNKNOWN;
  }

  @Override
  public ReleaseOutcome release(SnapshotLease lease, ReleaseReason reason) {
    java.util.Objects.requireNonNull(reason, "reason");
    if (!(lease instanceof Lease own) || !own.belongsTo(this)) {
      throw new IllegalArgumentException("not a lease of snapshot registry '" + name + "': " + lease);
    }
    // Tracked leases are handed out with their snapshot published: no creator can be mid-take.
    return release(own, reason);
  }

  @Override
  public Object tracked(SnapshotLease lease) {
    if (!(lease instanceof Lease own) || !own.belongsTo(this)) {
      return null;
    }
    // A tracked lease is published with its object before track() returns.
    Object snapshot = own.snapshotOrNull();
    return snapshot == Lease.ABORTED ? null : snapshot;
  }

  @Override
  public ReleaseOutcome release(long id) {
    return release(id, ReleaseReason.MANUAL);
  }

  @Override
  public ReleaseOutcome forceRelease(long id) {
    return operators.forceRelease(id);
  }

  @Override
  public int forceReleaseOlderThan(Duration age) {
    return operators.forceReleaseOlderThan(age);
  }

  @Override
  public int forceReleaseOwner(String label) {
    return operators.forceReleaseOwner(label);
  }

  // ---- renew, lookup ----

  @Override
  public LeaseInfo renew(long id, Duration ttl) {
    Lease lease = (Lease) lease(id);
    renew(lease, ttl);
    return describe(lease);
  }

  void renew(Lease lease, Duration ttl) {
    long ttlNanos = ttlNanosOf(java.util.Objects.requireNonNull(ttl, "ttl"));
    synchronized (this) {
      drainIntake(); // links the lease if it is still in the intake
      if (lease.isReleased()) {
        throw new SnapshotReleasedException(lease.id, lease.reasonOrNull());
      }
      wheel.remove(lease);
      setDeadlines(lease, clock.now(), 0, ttlNanos);
      wheel.add(lease, lease.warnAtNanos);
    }
  }

  @Override
  public synchronized Optional<SnapshotLease> find(long id) {
    drainIntake();
    Lease lease = byId.get(id);
    // A lease whose release is claimed stays linked until its native release is done: not live;
    // nor is one whose creator has not taken its snapshot yet.
    return lease == null || lease.isReleased() || !lease.isTaken() ? Optional.empty() : Optional.of(lease);
  }

  @Override
  public synchronized SnapshotLease lease(long id) {
    drainIntake();
    Lease lease = byId.get(id);
    Object taken = lease == null ? null : lease.snapshotOrNull();
    if (taken == null) {
      // Not linked, or linked while its creator is still taking the snapshot: not handed out yet.
      if (lease != null || id <= 0 || id > intake.drainedUpTo()) {
        throw new UnknownLeaseException(id);
      }
      throw new SnapshotReleasedException(id, history.reasonOf(id));
    }
    if (lease.isReleased() || taken == Lease.ABORTED) {
      throw new SnapshotReleasedException(id, lease.reasonOrNull());
    }
    return lease;
  }

  @Override
  public synchronized int count() {
    drainIntake();
    return linked;
  }

  @Override
  public List<LeaseInfo> info(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be 1 or more: " + limit);
    }
    int capped = Math.min(limit, MAX_INFO_LIMIT);
    List<LeaseFigures> figures;
    synchronized (this) {
      drainIntake();
      figures = new ArrayList<>(Math.min(capped, linked));
      long now = clock.now();
      for (Lease l = creationOrder.oldest(); l != null && figures.size() < capped; l = l.newerLease) {
        if (!l.isReleased() && l.isTaken()) {
          figures.add(new LeaseFigures(l, now));
        }
      }
    }
    // Stack traces are materialised here, outside the lock: up to 10,000 of them.
    List<LeaseInfo> infos = new ArrayList<>(figures.size());
    for (LeaseFigures f : figures) {
      infos.add(f.describe(this));
    }
    return infos;
  }

  LeaseInfo describe(Lease lease) {
    LeaseFigures figures;
    synchronized (this) {
      long now = lease.isFinished() ? lease.createdNanos + lease.age().toNanos() : clock.now();
      figures = new LeaseFigures(lease, now);
    }
    return figures.describe(this);
  }

  synchronized Duration ttlOf(Lease lease) {
    return Duration.ofNanos(lease.ttlNanos);
  }

  @SuppressWarnings("unchecked")
  SnapshotReader<Object> reader() {
    if (reader == null) {
      throw new UnsupportedOperationException(
          "snapshot registry '" + name + "' observes snapshots it cannot read");
    }
    return reader;
  }

  @Override
  public RegistryStatistics statistics() {
    OptionalLong nativeCount = nativeSnapshotCount();
    Map<ReleaseReason, Long> released = new EnumMap<>(ReleaseReason.class);
    synchronized (this) {
      drainIntake();
      for (ReleaseReason reason : ReleaseReason.values()) {
        released.put(reason, releasedByReason[reason.ordinal()]);
      }
      Lease oldest = creationOrder.oldest();
      Duration oldestAge = oldest == null ? Duration.ZERO : Duration.ofNanos(Math.max(0, clock.now() - oldest.createdNanos));
      long totalCreated = intake.drainedUpTo() - aborted;
      return new RegistryStatistics(linked, oldestAge, totalCreated, released, warningsEmitted, releasesDue, nativeCount);
    }
  }

  @Override
  public OptionalLong nativeSnapshotCount() {
    synchronized (propertyLock) {
      return closed ? OptionalLong.empty() : source.nativeSnapshotCount();
    }
  }

  @Override
  public OptionalLong oldestNativeSnapshotTime() {
    synchronized (propertyLock) {
      return closed ? OptionalLong.empty() : source.oldestNativeSnapshotTime();
    }
  }

  // ---- maintenance ----

  @Override
  public void cleanUp() {
    if (!closed) {
      maintenance.run();
    }
  }

  @Override
  public void addListener(SnapshotListener listener) {
    listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void removeListener(SnapshotListener listener) {
    listeners.remove(listener);
  }

  // ---- settings ----

  @Override
  public Duration defaultTtl() {
    return defaultTtl;
  }

  @Override
  public Duration maxTtl() {
    return maxTtl;
  }

  @Override
  public double warnFraction() {
    return warnFraction;
  }

  @Override
  public ExpiryAction expiryAction() {
    return expiryAction;
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /**
   * The barrier: no create can take a snapshot once {@code closed} is set (under the lock that
   * create takes it under), and every linked lease is claimed with {@code CLOSED} in the same lock
   * section, so close() is one atomic step for every other operation. Then the claimed releases
   * are run, the leases another thread had claimed are awaited until their native release is
   * done, and the maintenance thread is stopped and awaited. A second caller waits for the first
   * to finish; a listener or maintenance task that closes the registry from inside the close does
   * not wait for itself.
   */
  @Override
  public void close() {
    List<Lease> claimed = new ArrayList<>();
    List<Lease> releasedElsewhere = new ArrayList<>();
    boolean closedBefore;
    synchronized (this) {
      closedBefore = closed;
      if (!closedBefore) {
        closed = true;
        closingThread = Thread.currentThread();
        // After the write of `closed`: every create that missed it has pushed its lease by now.
        drainIntake();
        for (Lease l = creationOrder.oldest(); l != null; l = l.newerLease) {
          (l.claim(ReleaseReason.CLOSED) ? claimed : releasedElsewhere).add(l);
        }
      }
    }
    if (closedBefore) {
      // Not under the lock: the first closer needs it to unlink what it releases.
      if (closingThread != Thread.currentThread()) {
        Uninterruptibly.await(closeFinished);
      }
      return;
    }
    try {
      synchronized (propertyLock) {
        // Waits out a property read in flight; later ones see `closed` and do not touch the source.
      }
      completeAll(claimed, ReleaseReason.CLOSED);
      releasedElsewhere.forEach(Lease::awaitFinished);
      // Only now: a warning listener on the maintenance thread may be waiting for one of the
      // releases above (it closed its lease), and cleanUp() does nothing once closed is set.
      stopMaintenance();
      listeners.registryClosed(this);
    } finally {
      closeFinished.countDown();
    }
  }

  /**
   * Runs releases this thread claimed, each to the end even if another throws: other threads may
   * be waiting for any of them to finish.
   *
   * @return how many
   */
  int completeAll(List<Lease> claimed, ReleaseReason reason) {
    Throwable failure = null;
    for (Lease lease : claimed) {
      try {
        completeRelease(lease, reason);
      } catch (RuntimeException | Error e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    return claimed.size();
  }

  private void stopMaintenance() {
    try {
      maintenanceTask.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "stopping maintenance of snapshot registry '" + name + "' failed", e);
    }
  }

  @Override
  public String toString() {
    return "SnapshotRegistry[" + name + "]";
  }
}
