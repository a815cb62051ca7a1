package io.triplestore.snapshots.jfr;

import io.triplestore.snapshots.Operator;
import io.triplestore.snapshots.SnapshotRegistry;
import java.util.List;
import jdk.jfr.FlightRecorder;

/**
 * The registry's JDK Flight Recorder events. {@code SnapshotRegistryBuilder.build()} installs them
 * on every registry unless {@code jfrEvents(false)} was called, so there is normally nothing to do
 * here but to record them: {@code -XX:StartFlightRecording:settings=snapshots.jfc}, or
 * {@code jcmd <pid> JFR.start settings=snapshots.jfc}, then
 * {@code jfr print --events triplestore.SnapshotReleased rec.jfr}.
 *
 * <p>Until the Flight Recorder is initialized (by {@code -XX:StartFlightRecording}, {@code jcmd} or
 * code) a lease event costs one volatile read: the event classes are not even loaded, and the
 * periodic statistics hook is not added. After that, while no recording is running, an event costs
 * an allocation that the JIT removes and one {@code shouldCommit()} check.
 */
public final class SnapshotJfrEvents {

  /** A lease was created. */
  public static final String CREATED = "triplestore.SnapshotCreated";
  /** A lease was released, with the reason. */
  public static final String RELEASED = "triplestore.SnapshotReleased";
  /** A lease reached the warning fraction of its TTL. */
  public static final String EXPIRY_WARNING = "triplestore.SnapshotExpiryWarning";
  /** A report-only registry would have released a lease (expired, or owner gone) but keeps it. */
  public static final String RELEASE_DUE = "triplestore.SnapshotReleaseDue";
  /** Periodic: a registry's count, oldest age, totals and RocksDB's own snapshot count. */
  public static final String REGISTRY_STATISTICS = "triplestore.SnapshotRegistryStatistics";

  /** Periodic: one of a registry's oldest live leases, with owner, age and TTL (the {@code count} oldest). */
  public static final String OLDEST_LEASE = "triplestore.SnapshotOldestLease";
  /** An operator forced a release, renewed a lease or reclaimed space, with who and from where. */
  public static final String OPERATOR_ACTION = "triplestore.OperatorAction";

  /** Every event name above. */
  public static final List<String> NAMES =
      List.of(CREATED, RELEASED, EXPIRY_WARNING, RELEASE_DUE, REGISTRY_STATISTICS, OLDEST_LEASE, OPERATOR_ACTION);

  static final String CATEGORY = "triplestore";
  static final String SUBCATEGORY = "Snapshots";

  private SnapshotJfrEvents() {}

  /**
   * Emits a {@link #OPERATOR_ACTION} event. Costs nothing before the Flight Recorder is
   * initialized (the event class is not even loaded), like the lease events.
   */
  public static void operatorAction(String registry, String action, String target, Operator operator, String result) {
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty() || !FlightRecorder.isInitialized()) {
      return;
    }
    OperatorActionEvent event = new OperatorActionEvent();
    if (event.shouldCommit()) {
      event.registry = registry;
      event.action = action;
      event.target = target;
      event.operator = operator.name();
      event.address = operator.address();
      event.via = operator.via();
      event.result = result;
      event.commit();
    }
  }

  /**
   * Emits {@code registry}'s events from now until it is closed. Does nothing on a runtime without
   * the {@code jdk.jfr} module, or when the registry is already closed.
   */
  public static void install(SnapshotRegistry registry) {
    if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty() || registry.isClosed()) {
      return;
    }
    JfrEventEmitter emitter = new JfrEventEmitter(registry);
    registry.addListener(emitter);
    emitter.start();
    if (registry.isClosed()) {
      // Closed between the check and addListener: onRegistryClosed may never come.
      emitter.stop();
    }
  }
}
