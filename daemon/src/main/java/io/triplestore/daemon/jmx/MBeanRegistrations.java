package io.triplestore.daemon.jmx;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * What the daemon registered on the platform MBeanServer, so that {@link #close()} unregisters
 * exactly that, in reverse order, and nothing else.
 */
public final class MBeanRegistrations implements AutoCloseable {

  private static final Logger LOG = LogManager.getLogger(MBeanRegistrations.class);

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final Deque<AutoCloseable> registered = new ArrayDeque<>();

  /** Registers {@code mbean} as {@code name}. */
  public void register(Object mbean, String name) throws JMException {
    ObjectName objectName = new ObjectName(name);
    server.registerMBean(mbean, objectName);
    registered.push(() -> server.unregisterMBean(objectName));
    LOG.debug("registered MBean {}", objectName);
  }

  /** Takes over a registration made elsewhere, to be closed with the others. */
  public void adopt(AutoCloseable registration) {
    registered.push(registration);
  }

  @Override
  public void close() {
    while (!registered.isEmpty()) {
      try {
        registered.pop().close();
      } catch (Exception e) {
        LOG.warn("unregistering an MBean failed: {}", e.toString());
      }
    }
  }
}
