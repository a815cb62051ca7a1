package io.triplestore.daemon.jmx;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import com.sun.net.httpserver.Authenticator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.triplestore.snapshots.jmx.OperatorAudit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.jolokia.jvmagent.JolokiaServer;
import org.jolokia.jvmagent.JolokiaServerConfig;
import org.jolokia.server.core.config.SystemPropertyMode;
import org.jolokia.server.core.service.api.LogHandler;

/**
 * Jolokia (JMX over HTTP) inside the daemon, on its own port. With {@code jolokia.user} and
 * {@code jolokia.password} every request needs basic authentication and the access policy decides
 * the rest; without them the policy applies minus every exec and write ({@link ReadOnlyRestrictor}).
 */
public final class EmbeddedJolokia implements AutoCloseable {

  /** The built-in policy, identical to the shipped {@code conf/jolokia-access.xml}. */
  public static final String BUILT_IN_POLICY = "classpath:/jolokia-access.xml";

  private static final Logger LOG = LogManager.getLogger(EmbeddedJolokia.class);
  private static final Logger AUDIT = LogManager.getLogger(OperatorAudit.LOGGER);

  private final JolokiaServer server;
  private final boolean authenticated;

  private EmbeddedJolokia(JolokiaServer server, boolean authenticated) {
    this.server = server;
    this.authenticated = authenticated;
  }

  /**
   * Starts Jolokia as configured.
   *
   * @param home the distribution's home, where {@code conf/jolokia-access.xml} is looked for
   * @throws IOException when the port cannot be bound
   */
  public static EmbeddedJolokia start(Configuration config, Optional<Path> home) throws IOException {
    Map<String, String> settings = settings(config, policyLocation(config, home));
    JolokiaServer server = new JolokiaServer(new AuditedConfig(settings), new Log());
    server.start();
    boolean authenticated = settings.containsKey("user");
    EmbeddedJolokia jolokia = new EmbeddedJolokia(server, authenticated);
    LOG.info("Jolokia listening on {} (policy {}, {})", jolokia.url(), settings.get("policyLocation"),
        authenticated ? "basic authentication required" : "no credentials configured: read-only");
    return jolokia;
  }

  static Map<String, String> settings(Configuration config, String policyLocation) {
    Map<String, String> settings = new HashMap<>();
    settings.put("host", config.string(ConfigKey.JOLOKIA_HOST));
    settings.put("port", Integer.toString(config.integer(ConfigKey.JOLOKIA_PORT)));
    settings.put("agentContext", "/jolokia");
    settings.put("agentId", "triplestored");
    settings.put("discoveryEnabled", "false");
    settings.put("disableDetectors", "true");
    settings.put("includeStackTrace", "false");
    settings.put("executor", "fixed");
    settings.put("nrThreads", "4");
    settings.put("threadNamePrefix", "jolokia-");
    settings.put("policyLocation", policyLocation);
    String user = config.string(ConfigKey.JOLOKIA_USER);
    if (user.isEmpty()) {
      settings.put("restrictorClass", ReadOnlyRestrictor.class.getName());
    } else {
      settings.put("user", user);
      settings.put("password", config.string(ConfigKey.JOLOKIA_PASSWORD));
    }
    return settings;
  }

  /** {@code jolokia.policy} if set, else {@code <home>/conf/jolokia-access.xml} if present, else built in. */
  static String policyLocation(Configuration config, Optional<Path> home) {
    Optional<Path> configured = config.optionalPath(ConfigKey.JOLOKIA_POLICY);
    if (configured.isPresent()) {
      return configured.get().toAbsolutePath().toUri().toString();
    }
    Optional<Path> shipped = home.map(dir -> dir.resolve("conf").resolve("jolokia-access.xml")).filter(Files::isReadable);
    return shipped.map(path -> path.toAbsolutePath().toUri().toString()).orElse(BUILT_IN_POLICY);
  }

  /** The address Jolokia listens on, with the port obtained. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The agent URL, e.g. {@code http://127.0.0.1:8778/jolokia/}. */
  public String url() {
    InetSocketAddress address = address();
    return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/jolokia/";
  }

  public boolean isAuthenticated() {
    return authenticated;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IllegalStateException e) {
      // Stopping inside a JVM shutdown: Jolokia cannot remove its own shutdown hook ("Shutdown in
      // progress"), and that hook, running now, stops the server.
      LOG.debug("Jolokia stops through its own shutdown hook: {}", e.getMessage());
    }
  }

  /**
   * Jolokia's configuration with its authenticator (when credentials are set) wrapped in a
   * {@link LoggingAuthenticator}: failed logins logged, the user bound for the audit trail.
   */
  private static final class AuditedConfig extends JolokiaServerConfig {
    private final FailedLoginLog failedLogins =
        new FailedLoginLog("Jolokia", System::nanoTime, line -> AUDIT.warn(line));
    private Authenticator wrapped;

    AuditedConfig(Map<String, String> settings) {
      super(settings, SystemPropertyMode.NEVER);
    }

    @Override
    public synchronized Authenticator getAuthenticator() {
      Authenticator own = super.getAuthenticator();
      if (own != null && wrapped == null) {
        wrapped = new LoggingAuthenticator(own, failedLogins);
      }
      return wrapped;
    }
  }

  /** Jolokia's own messages, into log4j2. */
  private static final class Log implements LogHandler {
    private static final Logger JOLOKIA = LogManager.getLogger("org.jolokia");

    @Override
    public void debug(String message) {
      JOLOKIA.debug(message);
    }

    @Override
    public void info(String message) {
      JOLOKIA.info(message);
    }

    @Override
    public void error(String message, Throwable error) {
      JOLOKIA.error(message, error);
    }

    @Override
    public boolean isDebug() {
      return JOLOKIA.isDebugEnabled();
    }
  }
}
