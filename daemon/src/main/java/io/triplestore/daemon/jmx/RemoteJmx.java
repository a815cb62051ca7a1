package io.triplestore.daemon.jmx;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.RemoteServer;
import java.rmi.server.ServerNotActiveException;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnection;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import io.triplestore.snapshots.jmx.OperatorAudit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Remote JMX for JConsole and VisualVM: an RMI registry and the RMI connector on one port, bound
 * to {@code jmx.host}, with password authentication (and an access file when given). Never runs
 * without a password file; configuration refuses that combination.
 */
public final class RemoteJmx implements AutoCloseable {

  private static final Logger LOG = LogManager.getLogger(RemoteJmx.class);
  private static final Logger AUDIT = LogManager.getLogger(OperatorAudit.LOGGER);

  private final Registry registry;
  private final JMXConnectorServer connector;
  private final JMXServiceURL url;
  private final int port;

  private RemoteJmx(Registry registry, JMXConnectorServer connector, JMXServiceURL url, int port) {
    this.registry = registry;
    this.connector = connector;
    this.url = url;
    this.port = port;
  }

  /** Starts remote JMX when {@code jmx.port} is set. */
  public static Optional<RemoteJmx> startIfConfigured(Configuration config) throws IOException {
    Optional<Integer> port = config.optionalPort(ConfigKey.JMX_PORT);
    if (port.isEmpty()) {
      return Optional.empty();
    }
    Path passwords = config.optionalPath(ConfigKey.JMX_PASSWORD_FILE)
        .orElseThrow(() -> new IllegalStateException("jmx.port needs jmx.password.file"));
    return Optional.of(start(config.string(ConfigKey.JMX_HOST), port.get(), passwords,
        config.optionalPath(ConfigKey.JMX_ACCESS_FILE)));
  }

  static RemoteJmx start(String host, int requestedPort, Path passwordFile, Optional<Path> accessFile) throws IOException {
    if (System.getProperty("java.rmi.server.hostname") == null) {
      // Stubs carry a host name; without this they name the machine's, which may not be reachable.
      System.setProperty("java.rmi.server.hostname", host);
    }
    HostBoundSocketFactory sockets = new HostBoundSocketFactory(InetAddress.getByName(host));
    Registry registry = LocateRegistry.createRegistry(requestedPort, null, sockets);
    int port = sockets.lastBoundPort();
    try {
      JMXServiceURL url = new JMXServiceURL(
          "service:jmx:rmi://" + host + ":" + port + "/jndi/rmi://" + host + ":" + port + "/jmxrmi");
      Map<String, Object> environment = new HashMap<>();
      environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
      environment.put("jmx.remote.x.password.file", passwordFile.toAbsolutePath().toString());
      accessFile.ifPresent(file -> environment.put("jmx.remote.x.access.file", file.toAbsolutePath().toString()));
      // Credentials are a String[]: refuse to deserialize anything else from unauthenticated clients.
      environment.put(RMIConnectorServer.CREDENTIALS_FILTER_PATTERN, "java.lang.String;!*");
      JMXConnectorServer connector = new RMIConnectorServer(url, environment,
          new LoggingRmiServer(port, sockets, environment), ManagementFactory.getPlatformMBeanServer());
      connector.start();
      LOG.info("remote JMX listening on {} (password file {}{})", url, passwordFile,
          accessFile.map(file -> ", access file " + file).orElse(", every authenticated user read-write"));
      return new RemoteJmx(registry, connector, url, port);
    } catch (IOException | RuntimeException e) {
      unexport(registry);
      throw e;
    }
  }

  /** What JConsole connects to. */
  public JMXServiceURL url() {
    return url;
  }

  /** The port obtained (registry and connector share it). */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    try {
      connector.stop();
    } catch (IOException e) {
      LOG.warn("stopping remote JMX: {}", e.toString());
    }
    unexport(registry);
  }

  private static void unexport(Registry registry) {
    try {
      UnicastRemoteObject.unexportObject(registry, true);
    } catch (NoSuchObjectException e) {
      // already gone
    }
  }

  /**
   * The RMI connector's server object, which authenticates each new client (with the password
   * file of its environment, as the JDK's own), plus a rate-limited WARN line for every failed
   * login with the client's address.
   */
  static final class LoggingRmiServer extends RMIJRMPServerImpl {
    private static final FailedLoginLog FAILED_LOGINS =
        new FailedLoginLog("remote JMX", System::nanoTime, line -> AUDIT.warn(line));

    LoggingRmiServer(int port, RMIServerSocketFactory sockets, Map<String, ?> environment) throws IOException {
      super(port, null, sockets, environment);
    }

    @Override
    public RMIConnection newClient(Object credentials) throws IOException {
      try {
        return super.newClient(credentials);
      } catch (SecurityException e) {
        FAILED_LOGINS.failed(claimedUser(credentials), clientHost());
        throw e;
      }
    }

    private static String claimedUser(Object credentials) {
      return credentials instanceof String[] pair && pair.length > 0 ? pair[0] : null;
    }

    private static String clientHost() {
      try {
        return RemoteServer.getClientHost();
      } catch (ServerNotActiveException e) {
        return "an unknown address";
      }
    }
  }

  /**
   * Server sockets bound to one address. Equal instances let RMI share one listening port between
   * the registry and the connector, which is what makes a single {@code jmx.port} possible.
   */
  static final class HostBoundSocketFactory implements RMIServerSocketFactory {
    private final InetAddress address;
    private volatile int lastBoundPort;

    HostBoundSocketFactory(InetAddress address) {
      this.address = address;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new ServerSocket(port, 50, address);
      lastBoundPort = socket.getLocalPort();
      return socket;
    }

    int lastBoundPort() {
      return lastBoundPort;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof HostBoundSocketFactory && ((HostBoundSocketFactory) other).address.equals(address);
    }

    @Override
    public int hashCode() {
      return Objects.hash(HostBoundSocketFactory.class, address);
    }
  }
}
