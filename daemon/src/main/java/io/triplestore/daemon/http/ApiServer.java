package io.triplestore.daemon.http;

import io.triplestore.store.TripleStore;
import java.net.InetSocketAddress;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP API on Jetty 12 (core handlers, no servlets). A stop is graceful: the connector stops
 * accepting, requests in flight get up to the stop timeout to finish, new ones are refused with
 * 503. A client too slow to send its body or take its answer is cut, so that slow clients cannot
 * hold every request thread; requests from other sites are refused ({@link SiteGuard}).
 */
public final class ApiServer implements AutoCloseable {

  /** One acceptor and one selector thread. */
  private static final int CONNECTOR_THREADS = 2;

  private final Server server;
  private final ServerConnector connector;
  private final GracefulHandler graceful;
  private final SparqlEngine sparql;

  private ApiServer(Server server, ServerConnector connector, GracefulHandler graceful, SparqlEngine sparql) {
    this.server = server;
    this.connector = connector;
    this.graceful = graceful;
    this.sparql = sparql;
  }

  /**
   * Starts serving {@code store}.
   *
   * @throws Exception when the port cannot be bound
   */
  public static ApiServer start(TripleStore store, HttpSettings settings) throws Exception {
    return start(store, settings, SparqlSettings.defaults());
  }

  /**
   * Starts serving {@code store}, SPARQL with {@code sparqlSettings}.
   *
   * @throws Exception when the port cannot be bound
   */
  public static ApiServer start(TripleStore store, HttpSettings settings, SparqlSettings sparqlSettings)
      throws Exception {
    // The connector's acceptor and selector threads come from the same pool: reserve them.
    int maxThreads = settings.maxThreads();
    QueuedThreadPool threads =
        new QueuedThreadPool(maxThreads + CONNECTOR_THREADS, Math.min(maxThreads, 4) + CONNECTOR_THREADS);
    threads.setName("http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(true);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    // A connection that sends nothing (headers, body, or a next request) is closed after this.
    connector.setIdleTimeout(settings.idleTimeout().toMillis());
    server.addConnector(connector);
    // Outermost first: graceful stop, then slow clients cut (a thread blocked on a body that
    // trickles in is freed with 408), then other sites kept out, then the API.
    SparqlEngine sparql = new SparqlEngine(store, sparqlSettings);
    Handler api = new SiteGuard(new ApiHandler(store, settings, sparql), new SitePolicy(settings.host(),
        settings.allowedHosts(), settings.allowedOrigins(), "http.allowed-origins"));
    GracefulHandler graceful = new GracefulHandler(new MinimumRequestRate(api, settings.minRequestDataRate()));
    server.setHandler(graceful);
    server.setErrorHandler(new JsonErrorHandler());
    server.setStopTimeout(settings.stopTimeout().toMillis());
    server.setStopAtShutdown(false); // the daemon's own shutdown hook orders the stop
    try {
      server.start();
    } catch (Exception e) {
      sparql.close();
      throw e;
    }
    return new ApiServer(server, connector, graceful, sparql);
  }

  /** The address with the port obtained. */
  public InetSocketAddress address() {
    return new InetSocketAddress(connector.getHost(), connector.getLocalPort());
  }

  /** Requests being handled now. */
  public long requestsInFlight() {
    return graceful.getCurrentRequestCount();
  }

  /** Stops accepting, waits (bounded) for requests in flight, then stops. */
  @Override
  public void close() {
    try {
      // Long SPARQL queries would hold the graceful stop for its whole timeout: stop them first.
      // Requests still arriving until the connector closes get their own lease and finish or fail.
      sparql.stopRequests();
      server.stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the HTTP server failed: " + e.getMessage(), e);
    } finally {
      sparql.close(); // after the stop: no request uses the Sail any more
    }
  }
}
