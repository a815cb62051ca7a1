package io.triplestore.snapshots;

import io.triplestore.snapshots.jfr.SnapshotJfrEvents;
import io.triplestore.snapshots.spi.TrackingRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rocksdb.RocksDB;

/**
 * Builds a {@link SnapshotRegistry}. Invalid settings fail fast with a message naming the value.
 *
 * <pre>{@code
 * SnapshotRegistry registry = SnapshotRegistry.builder()
 *     .rocksDb(db)
 *     .name("store")
 *     .defaultTtl(Duration.ofMinutes(5))
 *     .build();
 * }</pre>
 */
public final class SnapshotRegistryBuilder {

  static final int DEFAULT_RELEASED_HISTORY = 10_000;

  SnapshotSource<?> source;
  ExpiryAction expiryAction = ExpiryAction.RELEASE;
  Duration defaultTtl = Settings.DEFAULT_TTL;
  Duration maxTtl;
  double warnFraction = Settings.DEFAULT_WARN_FRACTION;
  Duration tick = Settings.DEFAULT_TICK;
  Ticker ticker = Ticker.system();
  Scheduler scheduler = Scheduler.daemonThread();
  /** Tests only: forces stamps from the tick's clock on or off; {@code null} decides as documented. */
  Boolean stampsFromTick;
  StackCapture stackCapture = StackCapture.off();
  final List<SnapshotListener> listeners = new ArrayList<>();
  String name = "default";
  int maxLeases = Integer.MAX_VALUE;
  int releasedHistory = DEFAULT_RELEASED_HISTORY;
  boolean jfrEvents = true;

  SnapshotRegistryBuilder() {}

  /** Snapshots of {@code db}: {@code getSnapshot()} and {@code releaseSnapshot()}, readable. */
  public SnapshotRegistryBuilder rocksDb(RocksDB db) {
    this.source = new RocksDbSnapshotSource(Objects.requireNonNull(db, "db"));
    return this;
  }

  /** Snapshots from any source, e.g. one the registry only observes. */
  public SnapshotRegistryBuilder source(SnapshotSource<?> source) {
    this.source = Objects.requireNonNull(source, "source");
    return this;
  }

  /** What expiry and owner death do: release (the default), or only report. */
  public SnapshotRegistryBuilder expiryAction(ExpiryAction action) {
    this.expiryAction = Objects.requireNonNull(action, "expiryAction");
    return this;
  }

  /** The TTL of a lease created without one. Default 5 minutes. */
  public SnapshotRegistryBuilder defaultTtl(Duration ttl) {
    this.defaultTtl = requirePositive("default TTL", ttl);
    return this;
  }

  /** The largest TTL a lease may be created or renewed with. Default: unbounded. */
  public SnapshotRegistryBuilder maxTtl(Duration ttl) {
    this.maxTtl = requirePositive("max TTL", ttl);
    return this;
  }

  /** The fraction of its TTL after which a lease is warned about, in (0, 1). Default 0.8. */
  public SnapshotRegistryBuilder warnFraction(double fraction) {
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("warn fraction must be between 0 and 1 (exclusive): " + fraction);
    }
    this.warnFraction = fraction;
    return this;
  }

  /**
   * How often deadlines are checked; expiry is at most this late (two ticks when times are
   * stamped from the tick, see {@link #ticker(Ticker)}). Default 1 second.
   */
  public SnapshotRegistryBuilder tick(Duration tick) {
    Duration positive = requirePositive("tick", tick);
    if (positive.toMillis() < 1) {
      throw new IllegalArgumentException("tick must be at least 1ms: " + tick);
    }
    this.tick = positive;
    return this;
  }

  /** Tests only: see {@link RegistryClock}. */
  SnapshotRegistryBuilder stampsFromTick(boolean fromTick) {
    this.stampsFromTick = fromTick;
    return this;
  }

  /**
   * The time source. Default {@link Ticker#system()}; tests pass a fake one and advance it. With
   * the default ticker and the default scheduler, a lease's creation and release times are taken
   * from the clock reading of the last maintenance tick (so exact to one tick), which spares two
   * clock reads per lease; deadlines get one tick of slack, so no lease expires before its TTL.
   */
  public SnapshotRegistryBuilder ticker(Ticker ticker) {
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    return this;
  }

  /** What runs maintenance each tick. Default one daemon thread per registry. */
  public SnapshotRegistryBuilder scheduler(Scheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return this;
  }

  /** Whether leases record their creation stack. Default off. */
  public SnapshotRegistryBuilder stackCapture(StackCapture capture) {
    this.stackCapture = Objects.requireNonNull(capture, "stackCapture");
    return this;
  }

  public SnapshotRegistryBuilder listener(SnapshotListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** A name for JMX, threads, events and logs. Default {@code default}. */
  public SnapshotRegistryBuilder name(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("registry name must not be blank");
    }
    this.name = name;
    return this;
  }

  /** The most live leases at once; {@code create} beyond it throws. Default unbounded. */
  public SnapshotRegistryBuilder maxLeases(int maxLeases) {
    if (maxLeases < 1) {
      throw new IllegalArgumentException("max leases must be 1 or more: " + maxLeases);
    }
    this.maxLeases = maxLeases;
    return this;
  }

  /** How many released leases keep their release reason for lookups. Default 10,000. */
  public SnapshotRegistryBuilder releasedHistory(int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("released history must be 0 or more: " + entries);
    }
    this.releasedHistory = entries;
    return this;
  }

  /**
   * Whether the registry emits JDK Flight Recorder events ({@code triplestore.SnapshotCreated} and
   * the others in {@link io.triplestore.snapshots.jfr.SnapshotJfrEvents}). Default on: with no
   * recording running they cost a check per lease event.
   */
  public SnapshotRegistryBuilder jfrEvents(boolean enabled) {
    this.jfrEvents = enabled;
    return this;
  }

  /**
   * Builds the registry and starts its maintenance.
   *
   * @throws IllegalStateException if no source was given
   * @throws IllegalArgumentException if the default TTL is above the max TTL
   */
  public SnapshotRegistry build() {
    return buildTracking();
  }

  /**
   * Builds a registry that can also track snapshots it did not take (for the agent); see {@link
   * TrackingRegistry}.
   *
   * @throws IllegalStateException if no source was given
   * @throws IllegalArgumentException if the default TTL is above the max TTL
   */
  public TrackingRegistry buildTracking() {
    if (source == null) {
      throw new IllegalStateException("a snapshot source is required: call rocksDb(db) or source(...)");
    }
    if (maxTtl != null && defaultTtl.compareTo(maxTtl) > 0) {
      throw new IllegalArgumentException(
          "default TTL " + defaultTtl + " is above the max TTL " + maxTtl);
    }
    DefaultSnapshotRegistry registry = new DefaultSnapshotRegistry(this);
    if (jfrEvents) {
      SnapshotJfrEvents.install(registry);
    }
    return registry;
  }

  static Duration requirePositive(String what, Duration value) {
    Objects.requireNonNull(value, what);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + value);
    }
    return value;
  }
}
