package io.triplestore.daemon.jmx;

import com.sun.net.httpserver.HttpServer;
import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import com.sun.net.httpserver.Authenticator;
import io.triplestore.daemon.http.SitePolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import io.triplestore.snapshots.jmx.OperatorAudit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Closed to other sites ({@link JolokiaSiteFilter}: no foreign {@code Host} or {@code Origin}, no
 * JSONP), and to what the daemon does not offer ({@link JolokiaRequestFilter}: no proxy mode, whose
 * service is not even shipped, no notifications).
 *
 * <p>Concurrency: started and closed by the daemon's lifecycle thread; requests run on its own
 * fixed pool.
 */
public final class EmbeddedJolokia implements AutoCloseable {

  /** The built-in policy, identical to the shipped {@code conf/jolokia-access.xml}. */
  public static final String BUILT_IN_POLICY = "classpath:/jolokia-access.xml";

  private static final Logger LOG = LogManager.getLogger(EmbeddedJolokia.class);
  private static final Logger AUDIT = LogManager.getLogger(OperatorAudit.LOGGER);

  /** Request threads: Jolokia's requests are small and few. */
  private static final int THREADS = 4;

  private final JolokiaServer server;
  private final HttpServer http;
  private final ExecutorService threads;
  private final boolean authenticated;

  private EmbeddedJolokia(JolokiaServer server, HttpServer http, ExecutorService threads, boolean authenticated) {
    this.server = server;
    this.http = http;
    this.threads = threads;
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
    // Bound here, not by Jolokia, so that its context gets the site filter in front.
    HttpServer http = HttpServer.create(new InetSocketAddress(config.string(ConfigKey.JOLOKIA_HOST),
        config.integer(ConfigKey.JOLOKIA_PORT)), 0);
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS, task -> {
      Thread thread = new Thread(task, "jolokia-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    http.setExecutor(threads);
    SitePolicy sites = new SitePolicy(config.string(ConfigKey.JOLOKIA_HOST), config.list(ConfigKey.HTTP_ALLOWED_HOSTS),
        config.list(ConfigKey.JOLOKIA_ALLOWED_ORIGINS), "jolokia.allowed-origins");
    JolokiaServer server;
    try {
      server = new JolokiaServer(new GuardedHttpServer(http, new JolokiaSiteFilter(sites), new JolokiaRequestFilter()),
          new ServerConfig(settings), new Log());
      server.start();
      http.start();
    } catch (RuntimeException e) {
      http.stop(0);
      threads.shutdownNow();
      throw e;
    }
    boolean authenticated = settings.containsKey("user");
    EmbeddedJolokia jolokia = new EmbeddedJolokia(server, http, threads, authenticated);
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
    } finally {
      http.stop(0);
      threads.shutdownNow();
    }
  }

  /**
   * Jolokia's server configuration, with its authenticator made (Jolokia makes it only for a server
   * it creates itself, and this one it is handed) and, when credentials are set, wrapped in a
   * {@link LoggingAuthenticator}: failed logins logged, the user bound for the audit trail.
   */
  private static final class ServerConfig extends JolokiaServerConfig {
    private final FailedLoginLog failedLogins =
        new FailedLoginLog("Jolokia", System::nanoTime, line -> AUDIT.warn(line));
    private Authenticator wrapped;

    ServerConfig(Map<String, String> settings) {
      super(settings, SystemPropertyMode.NEVER);
      initAuthenticator();
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
