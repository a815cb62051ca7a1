package io.triplestore.agent;

import io.triplestore.agent.bridge.SnapshotBridge;
import io.triplestore.snapshots.ExpiryAction;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.spi.TrackingRegistry;
import java.lang.instrument.Instrumentation;

/**
 * The running agent: one registry for the whole JVM (named {@code agent}) that tracks every
 * snapshot of every database the host opens, fed by the instrumented rocksdb classes.
 *
 * <p>The bridge that instrumented host classes call ({@link SnapshotBridge}) is on the system class
 * path with the rest of the agent jar: the JVM puts a {@code -javaagent} or attached jar there, and
 * the application class loader and the loaders below it (Spring Boot, servlet containers, Flink's
 * child-first loader) delegate to it. Appending to the bootstrap path instead would make the JVM
 * print a class-sharing warning on the host's stdout. A class loader that cannot see the bridge is
 * reported and its rocksdb classes are left alone.
 */
final class AgentRuntime {

  /** The registry's name, and so its JMX name: {@code io.triplestore:type=SnapshotRegistry,name=agent}. */
  static final String REGISTRY_NAME = "agent";

  private AgentRuntime() {}

  static void start(AgentOptions options, AgentLog log, Instrumentation instrumentation, boolean attached) {
    if (SnapshotBridge.isActive()) {
      log.line("already active in this JVM; the new options (" + options.describe() + ") are ignored");
      return;
    }
    RocksAccess access = new RocksAccess();
    SnapshotReporter reporter = new SnapshotReporter(log, options.packagePrefix(), options.release());
    ObservedSnapshotSource source = new ObservedSnapshotSource(access);
    SnapshotTracker tracker =
        new SnapshotTracker(access, reporter, options.release(), options.packagePrefix(), options.grace());
    source.connect(tracker);
    TrackingRegistry registry = SnapshotRegistry.builder()
        .name(REGISTRY_NAME)
        .source(source)
        // release=never: expiry and owner death are reported, and the snapshot stays listed until the host releases it.
        .expiryAction(options.release() == ReleaseMode.NEVER ? ExpiryAction.REPORT : ExpiryAction.RELEASE)
        .defaultTtl(options.ttl())
        .warnFraction(options.warnFraction())
        .tick(options.tick())
        .stackCapture(options.stack())
        .listener(tracker)
        .buildTracking();
    tracker.attach(registry);
    MXBeanRegistration mxBean = new MXBeanRegistration(registry, log);
    tracker.onFirstDatabase(mxBean::startOnce);
    if (!SnapshotBridge.install(tracker)) {
      registry.close();
      log.line("already active in this JVM; the new options are ignored");
      return;
    }
    ShapeCheck shape = new ShapeCheck(options.packagePrefix(), log);
    RocksDbInstrumentation.install(instrumentation, options.packagePrefix(), shape, reporter);
    if (shape.failed()) {
      return;
    }
    if (!options.grace().isZero()) {
      // Runs for the JVM's life, like the registry's own maintenance thread; the registry's ticker is System.nanoTime.
      Scheduler.daemonThread().scheduleAtFixedRate(
          () -> tracker.handOffOlderThanGrace(System.nanoTime()), options.tick(), "triplestore-agent-handoff");
    }
    if (attached) {
      mxBean.startOnce();
    }
    log.line("active (" + (attached ? "attached to a running JVM" : "-javaagent") + "): " + options.describe());
  }
}
