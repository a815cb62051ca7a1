package io.triplestore.snapshots;

import io.triplestore.snapshots.spi.TrackingRegistry;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>Concurrency: one lock ({@code this}) guards the id map, the creation order, the deadline
 * wheel, the owner tracker, the counters, {@code closed} and the lease fields marked "registry
 * lock". Under it happen only bookkeeping, the claims of releases decided under it (expiry, owner
 * down, close), and the native {@code take()} of a snapshot: taking it under the lock that sets
 * {@code closed} is what makes a create racing close() either finish before close() sees the
 * leases, or fail without touching the database (RocksDB takes its own DB mutex for it anyway).
 * Waiting for reads, releasing native snapshots and calling listeners happen outside.
 *
 * <p>A release runs: claim (a CAS on the lease; exactly one caller wins, whatever the mix of
 * manual, expiry, owner, operator and close), drain reads, close iterators, native release, then
 * unlink under the lock, then finish. A lease stays linked until its native release is done, so
 * close(), which releases every linked lease and waits for those another thread claimed, returns
 * only once no release, read or create is running, and after stopping the maintenance thread.
 */
final class DefaultSnapshotRegistry implements TrackingRegistry {

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");
  private static final int WHEEL_SLOTS = 4096;
  private static final VarHandle COUNT;

  static {
    try {
      COUNT = MethodHandles.lookup().findVarHandle(DefaultSnapshotRegistry.class, "count", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  @SuppressWarnings("rawtypes")
  private final SnapshotSource source;
  private final SnapshotReader<Object> reader;
  final ExpiryAction expiryAction;
  private final Duration defaultTtl;
  private final long defaultTtlNanos;
  private final Duration maxTtl;
  private final double warnFraction;
  final Ticker ticker;
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

  // this (fields without "private" are shared with LeaseMaintenance and OperatorActions)
  final LeaseMap byId = new LeaseMap();
  final CreationOrder creationOrder = new CreationOrder();
  final DeadlineWheel wheel;
  final OwnerTracker owners = new OwnerTracker();
  private final ReleasedHistory history;
  private long nextId = 1;
  private long totalCreated;
  private final long[] releasedByReason = new long[ReleaseReason.values().length];
  long warningsEmitted;
  long releasesDue;
  // Written only under the lock, read without it by count(): a release store is all the readers
  // need, and spares create and release a full fence each.
  private volatile int count;
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
    this.ticker = builder.ticker;
    this.stackCapture = builder.stackCapture;
    this.maxLeases = builder.maxLeases;
    this.history = new ReleasedHistory(builder.releasedHistory);
    this.originNanos = ticker.read();
    this.originEpochMillis = System.currentTimeMillis();
    this.wheel = new DeadlineWheel(WHEEL_SLOTS, builder.tick.toNanos(), originNanos);
    builder.listeners.forEach(listeners::add);
    this.maintenance = new LeaseMaintenance(this);
    this.operators = new OperatorActions(this);
    this.maintenanceTask = builder.scheduler.scheduleAtFixedRate(
        this::cleanUp, builder.tick, "triplestore-snapshots-" + name);
  }

  // ---- time ----

  long now() {
    return ticker.read();
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

  private void setDeadlines(Lease lease, long startNanos, long ttlNanos) {
    lease.ttlNanos = ttlNanos;
    lease.deadlineNanos = saturatedAdd(startNanos, ttlNanos);
    lease.warnAtNanos = saturatedAdd(startNanos, (long) (ttlNanos * warnFraction));
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
    return register(null, options, ttlNanosOf(options.ttl()), true);
  }

  @Override
  public SnapshotLease track(Object snapshot, LeaseOptions options) {
    java.util.Objects.requireNonNull(snapshot, "snapshot");
    return register(snapshot, options, ttlNanosOf(options.ttl()), false);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("snapshot registry '" + name + "' is closed");
    }
  }

  /** Registers {@code tracked}, or with {@code take} a snapshot the source takes under the lock. */
  private Lease register(Object tracked, LeaseOptions options, long ttlNanos, boolean take) {
    Thread current = Thread.currentThread();
    CreationSite site = stackCapture.shouldCapture() ? new CreationSite() : null;
    Lease lease;
    synchronized (this) {
      requireOpen();
      if (take && count >= maxLeases) {
        throw new LeaseLimitExceededException(name, maxLeases);
      }
      Object snapshot = take ? source.take() : tracked;
      try {
        long now = ticker.read();
        lease = new Lease(this, nextId++, snapshot, labelOf(options, current), current.getName(), now, ttlNanos, site);
        setDeadlines(lease, now, ttlNanos);
        link(lease, options, current);
      } catch (RuntimeException | Error e) {
        if (take) {
          releaseNative(snapshot, nextId - 1);
        }
        throw e;
      }
    }
    listeners.created(lease);
    if (lease.endEvent()) {
      // Released by another thread while onCreated ran here: its onReleased was left to us.
      listeners.released(lease, lease.reasonOrNull());
    }
    return lease;
  }

  // registry lock held
  private void link(Lease lease, LeaseOptions options, Thread current) {
    switch (options.ownerKind()) {
      case THREAD -> owners.ownByThread(lease, options.owner() == null ? current : (Thread) options.owner());
      case OBJECT -> owners.ownByObject(lease, options.owner());
      case NONE -> { }
    }
    byId.put(lease);
    creationOrder.append(lease);
    wheel.add(lease, lease.warnAtNanos);
    totalCreated++;
    COUNT.setRelease(this, count + 1);
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

  /** Runs a release this thread has claimed, to the end: drain, native release, unlink, finish. */
  void completeRelease(Lease lease, ReleaseReason reason) {
    try {
      lease.awaitReadsDrained();
      lease.closeIterators();
      releaseNative(lease.snapshot, lease.id);
    } finally {
      long now = ticker.read();
      synchronized (this) {
        byId.remove(lease.id);
        creationOrder.unlink(lease);
        wheel.remove(lease);
        owners.forget(lease);
        history.add(lease.id, reason);
        releasedByReason[reason.ordinal()]++;
        COUNT.setRelease(this, count - 1);
      }
      if (lease.finish(now)) {
        listeners.released(lease, reason);
      }
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
    long issuedBelow;
    synchronized (this) {
      lease = byId.get(id);
      issuedBelow = nextId;
    }
    if (lease != null) {
      return release(lease, reason);
    }
    return id > 0 && id < issuedBelow ? ReleaseOutcome.ALREADY_RELEASED : ReleaseOutcome.UNKNOWN;
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
      if (lease.isReleased()) {
        throw new SnapshotReleasedException(lease.id, lease.reasonOrNull());
      }
      wheel.remove(lease);
      setDeadlines(lease, ticker.read(), ttlNanos);
      wheel.add(lease, lease.warnAtNanos);
    }
  }

  @Override
  public synchronized Optional<SnapshotLease> find(long id) {
    Lease lease = byId.get(id);
    // A lease whose release is claimed stays linked until its native release is done: not live.
    return lease == null || lease.isReleased() ? Optional.empty() : Optional.of(lease);
  }

  @Override
  public synchronized SnapshotLease lease(long id) {
    Lease lease = byId.get(id);
    if (lease != null) {
      if (lease.isReleased()) {
        throw new SnapshotReleasedException(id, lease.reasonOrNull());
      }
      return lease;
    }
    if (id <= 0 || id >= nextId) {
      throw new UnknownLeaseException(id);
    }
    throw new SnapshotReleasedException(id, history.reasonOf(id));
  }

  @Override
  public int count() {
    return count;
  }

  @Override
  public List<LeaseInfo> info(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be 1 or more: " + limit);
    }
    int capped = Math.min(limit, MAX_INFO_LIMIT);
    List<LeaseFigures> figures = new ArrayList<>(Math.min(capped, count));
    synchronized (this) {
      long now = ticker.read();
      for (Lease l = creationOrder.oldest(); l != null && figures.size() < capped; l = l.newerLease) {
        if (!l.isReleased()) {
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
      long now = lease.isFinished() ? lease.createdNanos + lease.age().toNanos() : ticker.read();
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
      for (ReleaseReason reason : ReleaseReason.values()) {
        released.put(reason, releasedByReason[reason.ordinal()]);
      }
      Lease oldest = creationOrder.oldest();
      Duration oldestAge = oldest == null ? Duration.ZERO : Duration.ofNanos(ticker.read() - oldest.createdNanos);
      return new RegistryStatistics(count, oldestAge, totalCreated, released, warningsEmitted, releasesDue, nativeCount);
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
    return "SnapshotRegistry[" + name + ", count=" + count + "]";
  }
}
