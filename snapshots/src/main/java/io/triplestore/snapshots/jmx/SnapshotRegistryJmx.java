package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.SnapshotRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.NotCompliantMBeanException;
import javax.management.ObjectName;

/**
 * A registry's {@link SnapshotRegistryMXBean}, registered on an {@link MBeanServer}. It stays
 * registered until the registry closes, or until {@link #close()} is called, whichever comes first.
 *
 * <pre>{@code
 * SnapshotRegistryJmx.register(registry, ManagementFactory.getPlatformMBeanServer());
 * }</pre>
 *
 * <p>Object name: {@code io.triplestore:type=SnapshotRegistry,name=<registry name>}. The name is
 * used as it is, unless it contains a character that an unquoted object name value cannot hold
 * ({@code , = : " * ?}, a backslash or a line break); then it is quoted with
 * {@link ObjectName#quote(String)}. So registry {@code store} is at
 * {@code io.triplestore:type=SnapshotRegistry,name=store}, and registry {@code a,b} at
 * {@code io.triplestore:type=SnapshotRegistry,name="a,b"}.
 */
public final class SnapshotRegistryJmx implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");
  private static final String NEEDS_QUOTING = ",=:\"*?\\\n\r";

  private final SnapshotRegistry registry;
  private final MBeanServer server;
  private final ObjectName objectName;
  private final LeaseNotifier notifier;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SnapshotRegistryJmx(SnapshotRegistry registry, MBeanServer server) {
    this.registry = registry;
    this.server = server;
    this.objectName = objectName(registry.name());
    this.notifier = new LeaseNotifier(objectName, this::close);
  }

  /**
   * Registers {@code registry}'s MXBean on {@code server}; it is unregistered when the registry
   * closes.
   *
   * @throws IllegalStateException if the registry is closed, or an MBean already has its name
   *     (registries registered on one server need distinct names)
   */
  public static SnapshotRegistryJmx register(SnapshotRegistry registry, MBeanServer server) {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(server, "server");
    if (registry.isClosed()) {
      throw new IllegalStateException("snapshot registry '" + registry.name() + "' is closed");
    }
    SnapshotRegistryJmx registration = new SnapshotRegistryJmx(registry, server);
    registration.registerMBean();
    registry.addListener(registration.notifier);
    if (registry.isClosed()) {
      // Closed before the listener was added: its onRegistryClosed will never come.
      registration.close();
    }
    return registration;
  }

  /** The object name of the MXBean of the registry called {@code registryName}. */
  public static ObjectName objectName(String registryName) {
    Objects.requireNonNull(registryName, "registryName");
    String value = registryName.chars().anyMatch(c -> NEEDS_QUOTING.indexOf(c) >= 0)
        ? ObjectName.quote(registryName)
        : registryName;
    try {
      return new ObjectName(SnapshotRegistryMXBean.DOMAIN + ":type=" + SnapshotRegistryMXBean.TYPE + ",name=" + value);
    } catch (MalformedObjectNameException e) {
      throw new IllegalArgumentException("registry name '" + registryName + "' makes no valid object name", e);
    }
  }

  private void registerMBean() {
    try {
      server.registerMBean(new DocumentedRegistryMBean(new RegistryMXBeanAdapter(registry), notifier), objectName);
    } catch (InstanceAlreadyExistsException e) {
      throw new IllegalStateException("an MBean is already registered as " + objectName
          + ": snapshot registries on one MBean server need distinct names", e);
    } catch (MBeanRegistrationException | NotCompliantMBeanException e) {
      throw new IllegalStateException("registering " + objectName + " failed: " + e.getMessage(), e);
    }
  }

  /** Where the MXBean is registered. */
  public ObjectName objectName() {
    return objectName;
  }

  /** Whether the MXBean is still registered by this handle. */
  public boolean isRegistered() {
    return !closed.get();
  }

  /** Unregisters the MXBean and stops its notifications. Idempotent; never throws. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    registry.removeListener(notifier);
    try {
      server.unregisterMBean(objectName);
    } catch (InstanceNotFoundException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> objectName + " was already unregistered");
    } catch (MBeanRegistrationException e) {
      LOG.log(System.Logger.Level.WARNING, "unregistering " + objectName + " failed", e);
    }
  }

  @Override
  public String toString() {
    return "SnapshotRegistryJmx[" + objectName + (closed.get() ? ", closed" : "") + "]";
  }
}
