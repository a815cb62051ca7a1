package io.triplestore.snapshots;

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
 * The registry. Concurrency: one lock ({@code this}) guards the id map, the creation order, the
 * deadline wheel, the owner tracker, the counters and the lease fields marked "registry lock".
 * Nothing slow happens under it: taking and releasing native snapshots, waiting for reads, and
 * calling listeners all happen outside. A release is claimed by a CAS on the lease, so exactly
 * one caller releases each lease, whatever the mix of manual, expiry, owner and operator releases.
 */
final class DefaultSnapshotRegistry implements SnapshotRegistry {

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
  private final ExpiryAction expiryAction;
  private final Duration defaultTtl;
  private final long defaultTtlNanos;
  private final Duration maxTtl;
  private final double warnFraction;
  private final Ticker ticker;
  private final StackCapture stackCapture;
  private final int maxLeases;
  private final long originNanos;
  private final long originEpochMillis;
  private final ListenerChain listeners = new ListenerChain();
  private final AutoCloseable maintenance;
  /**
   * Held while the source reads a database property. JMX and JFR read them on their own threads,
   * and the database may be closed as soon as this registry's close() returns: close() takes this
   * lock once after setting {@code closed}, so no property read starts or runs after it.
   */
  private final Object propertyLock = new Object();

  // this
  private final LeaseMap byId = new LeaseMap();
  private final CreationOrder creationOrder = new CreationOrder();
  private final DeadlineWheel wheel;
  private final OwnerTracker owners = new OwnerTracker();
  private final ReleasedHistory history;
  private long nextId = 1;
  private long totalCreated;
  private final long[] releasedByReason = new long[ReleaseReason.values().length];
  private long warningsEmitted;
  private long releasesDue;
  // Written only under the lock, read without it by count(): a release store is all the readers
  // need, and spares create and release a full fence each.
  private volatile int count;
  private volatile boolean closed;

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
    this.maintenance = builder.scheduler.scheduleAtFixedRate(
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
  @SuppressWarnings("unchecked")
  public SnapshotLease create(LeaseOptions options) {
    long ttlNanos = ttlNanosOf(options.ttl());
    requireOpen();
    Object snapshot = source.take();
    try {
      return register(snapshot, options, ttlNanos, true);
    } catch (RuntimeException | Error e) {
      source.release(snapshot);
      throw e;
    }
  }

  @Override
  public SnapshotLease track(Object snapshot, LeaseOptions options) {
    return register(snapshot, options, ttlNanosOf(options.ttl()), false);
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("snapshot registry '" + name + "' is closed");
    }
  }

  private Lease register(Object snapshot, LeaseOptions options, long ttlNanos, boolean enforceLimit) {
    Thread current = Thread.currentThread();
    CreationSite site = stackCapture.shouldCapture() ? new CreationSite() : null;
    Lease lease;
    synchronized (this) {
      requireOpen();
      if (enforceLimit && count >= maxLeases) {
        throw new LeaseLimitExceededException(name, maxLeases);
      }
      long now = ticker.read();
      lease = new Lease(this, nextId++, snapshot, labelOf(options, current), current.getName(), now, ttlNanos, site);
      setDeadlines(lease, now, ttlNanos);
      byId.put(lease);
      creationOrder.append(lease);
      wheel.add(lease, lease.warnAtNanos);
      switch (options.ownerKind()) {
        case THREAD -> owners.ownByThread(lease, options.owner() == null ? current : (Thread) options.owner());
        case OBJECT -> owners.ownByObject(lease, options.owner());
        case NONE -> { }
      }
      totalCreated++;
      COUNT.setRelease(this, count + 1);
    }
    listeners.created(lease);
    return lease;
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

  /** Releases {@code lease} for {@code reason} unless someone already did. Never throws. */
  ReleaseOutcome release(Lease lease, ReleaseReason reason) {
    if (!lease.claimRelease(reason)) {
      return ReleaseOutcome.ALREADY_RELEASED;
    }
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
    lease.markReleasedAt(now);
    lease.awaitReadsDrained();
    lease.closeIterators();
    releaseNative(lease);
    listeners.released(lease, reason);
    return ReleaseOutcome.RELEASED;
  }

  @SuppressWarnings("unchecked")
  private void releaseNative(Lease lease) {
    try {
      source.release(lease.snapshot);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "releasing the snapshot of lease " + lease.id + " failed", e);
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
    return release(id, ReleaseReason.FORCED);
  }

  @Override
  public int forceReleaseOlderThan(Duration age) {
    if (age == null || age.isNegative()) {
      throw new IllegalArgumentException("age must be zero or positive: " + age);
    }
    long bornBefore = ticker.read() - age.toNanos();
    List<Lease> old = new ArrayList<>();
    synchronized (this) {
      for (Lease l = creationOrder.oldest(); l != null && l.createdNanos < bornBefore; l = l.newerLease) {
        old.add(l);
      }
    }
    return releaseAll(old, ReleaseReason.FORCED);
  }

  @Override
  public int forceReleaseOwner(String label) {
    if (label == null || label.isEmpty()) {
      throw new IllegalArgumentException("owner label must not be empty");
    }
    List<Lease> owned = new ArrayList<>();
    synchronized (this) {
      for (Lease l = creationOrder.oldest(); l != null; l = l.newerLease) {
        if (label.equals(l.label)) {
          owned.add(l);
        }
      }
    }
    return releaseAll(owned, ReleaseReason.FORCED);
  }

  private int releaseAll(List<Lease> leases, ReleaseReason reason) {
    int released = 0;
    for (Lease lease : leases) {
      if (release(lease, reason) == ReleaseOutcome.RELEASED) {
        released++;
      }
    }
    return released;
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
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public synchronized SnapshotLease lease(long id) {
    Lease lease = byId.get(id);
    if (lease != null) {
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
    List<LeaseInfo> infos = new ArrayList<>(Math.min(capped, count));
    synchronized (this) {
      long now = ticker.read();
      for (Lease l = creationOrder.oldest(); l != null && infos.size() < capped; l = l.newerLease) {
        infos.add(describe(l, now));
      }
    }
    return infos;
  }

  synchronized LeaseInfo describe(Lease lease) {
    return describe(lease, lease.isReleased() ? lease.createdNanos + lease.age().toNanos() : ticker.read());
  }

  // registry lock held
  private LeaseInfo describe(Lease l, long now) {
    List<StackTraceElement> stack = l.creationSite == null ? List.of() : List.of(l.creationSite.getStackTrace());
    return new LeaseInfo(l.id, l.label, l.threadName, instantOf(l.createdNanos),
        Duration.ofNanos(Math.max(0, now - l.createdNanos)), Duration.ofNanos(l.ttlNanos),
        Duration.ofNanos(l.deadlineNanos - now), l.warned, l.expiredFlag, l.ownerDownFlag, stack);
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
    if (closed) {
      return;
    }
    List<Lease> due = new ArrayList<>();
    List<Lease> orphans = new ArrayList<>();
    List<Lease> warn = new ArrayList<>();
    List<Lease> expire = new ArrayList<>();
    long now;
    synchronized (this) {
      now = ticker.read();
      wheel.removeDue(now, due);
      for (Lease lease : due) {
        if (!lease.warned) {
          // The warning always comes first, even when the expiry falls due in the same tick.
          lease.warned = true;
          warningsEmitted++;
          warn.add(lease);
        }
        if (lease.deadlineNanos <= now) {
          expire.add(lease);
          if (expiryAction == ExpiryAction.REPORT) {
            lease.expiredFlag = true;
            releasesDue++;
          }
        } else {
          wheel.add(lease, lease.deadlineNanos);
        }
      }
      owners.collectOrphans(orphans);
      if (expiryAction == ExpiryAction.REPORT) {
        for (Lease lease : orphans) {
          lease.ownerDownFlag = true;
          releasesDue++;
        }
      }
    }
    for (Lease lease : warn) {
      if (!lease.isReleased()) {
        listeners.expiryWarning(lease, Duration.ofNanos(lease.deadlineNanos - now));
      }
    }
    endAll(expire, ReleaseReason.EXPIRED);
    endAll(orphans, ReleaseReason.OWNER_DOWN);
  }

  private void endAll(List<Lease> leases, ReleaseReason reason) {
    for (Lease lease : leases) {
      if (expiryAction == ExpiryAction.RELEASE) {
        release(lease, reason);
      } else if (!lease.isReleased()) {
        listeners.releaseDue(lease, reason);
      }
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

  @Override
  public void close() {
    List<Lease> live = new ArrayList<>();
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      for (Lease l = creationOrder.oldest(); l != null; l = l.newerLease) {
        live.add(l);
      }
    }
    synchronized (propertyLock) {
      // Waits out a property read in flight; later ones see `closed` and do not touch the source.
    }
    try {
      maintenance.close();
    } catch (Exception e) {
      LOG.log(System.Logger.Level.WARNING, "stopping maintenance of snapshot registry '" + name + "' failed", e);
    }
    releaseAll(live, ReleaseReason.CLOSED);
    listeners.registryClosed(this);
  }

  @Override
  public String toString() {
    return "SnapshotRegistry[" + name + ", count=" + count + "]";
  }
}
