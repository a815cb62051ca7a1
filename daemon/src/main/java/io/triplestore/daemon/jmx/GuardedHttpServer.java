package io.triplestore.daemon.jmx;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The JDK HTTP server Jolokia runs on, handed to Jolokia already bound: every context Jolokia
 * creates on it gets our filters first, in order. (Jolokia makes its context itself and does not expose it,
 * so this is the one place to put a filter in front of it.)
 *
 * <p>Concurrency: as the server it wraps; contexts are created at start, by one thread.
 */
final class GuardedHttpServer extends HttpServer {

  private final HttpServer server;
  private final List<Filter> filters;

  GuardedHttpServer(HttpServer server, Filter... filters) {
    this.server = server;
    this.filters = List.of(filters);
  }

  @Override
  public HttpContext createContext(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().addAll(filters);
    return context;
  }

  @Override
  public HttpContext createContext(String path) {
    HttpContext context = server.createContext(path);
    context.getFilters().addAll(filters);
    return context;
  }

  @Override
  public void bind(InetSocketAddress address, int backlog) throws IOException {
    server.bind(address, backlog);
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void setExecutor(Executor executor) {
    server.setExecutor(executor);
  }

  @Override
  public Executor getExecutor() {
    return server.getExecutor();
  }

  @Override
  public void stop(int delaySeconds) {
    server.stop(delaySeconds);
  }

  @Override
  public void removeContext(String path) {
    server.removeContext(path);
  }

  @Override
  public void removeContext(HttpContext context) {
    server.removeContext(context);
  }

  @Override
  public InetSocketAddress getAddress() {
    return server.getAddress();
  }
}
