package io.triplestore.agent;

import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.jmx.SnapshotRegistryJmx;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Registers the agent registry's MXBean ({@code io.triplestore:type=SnapshotRegistry,name=agent})
 * on the platform MBeanServer, once, from a daemon thread, and not before the host is running.
 * Creating the platform MBeanServer starts JMX and {@code java.util.logging} machinery that a host
 * may still be configuring while {@code premain} runs (a custom {@code LogManager}, an
 * {@code MBeanServerBuilder}); so with {@code -javaagent} it waits for the first database the agent
 * sees, and after an attach it starts at once.
 */
final class MXBeanRegistration {

  private final SnapshotRegistry registry;
  private final AgentLog log;
  private final AtomicBoolean started = new AtomicBoolean();

  MXBeanRegistration(SnapshotRegistry registry, AgentLog log) {
    this.registry = registry;
    this.log = log;
  }

  /** Starts the registration unless it has started already. Cheap after the first call. */
  void startOnce() {
    if (started.get() || !started.compareAndSet(false, true)) {
      return;
    }
    Thread register = new Thread(() -> {
      try {
        SnapshotRegistryJmx.register(registry, ManagementFactory.getPlatformMBeanServer());
      } catch (Throwable t) {
        log.line("the registry MXBean could not be registered (tracking and reports go on): " + t);
      }
    }, "triplestore-agent-jmx");
    register.setDaemon(true);
    register.start();
  }
}
