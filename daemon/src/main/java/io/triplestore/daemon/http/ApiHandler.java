package io.triplestore.daemon.http;

import io.triplestore.snapshots.LeaseLimitExceededException;
import io.triplestore.snapshots.SnapshotReleasedException;
import io.triplestore.store.StoreClosedException;
import io.triplestore.store.TripleStore;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Routes the API's paths and methods and turns every failure into a JSON error: unknown path 404,
 * wrong method 405 (with {@code Allow}), and whatever the endpoints raise.
 */
final class ApiHandler extends Handler.Abstract {

  private static final Logger LOG = LogManager.getLogger(ApiHandler.class);
  private static final Pattern SNAPSHOT = Pattern.compile("/snapshots/(\\d{1,18})");
  private static final Pattern RENEW = Pattern.compile("/snapshots/(\\d{1,18})/renew");

  private final TripleStore store;
  private final TriplesEndpoint triples;
  private final SnapshotsEndpoint snapshots;
  private final SparqlEndpoint sparql;
  private final UpdateEndpoint update;
  private final GraphStoreEndpoint graphs;
  private final long startedAtNanos = System.nanoTime();

  ApiHandler(TripleStore store, HttpSettings settings, SparqlEngine engine) {
    this.store = store;
    this.triples = new TriplesEndpoint(store, settings.maxBatchTriples(), settings.inputLimits());
    this.snapshots = new SnapshotsEndpoint(store.registry());
    this.sparql = new SparqlEndpoint(engine);
    this.update = new UpdateEndpoint(engine);
    this.graphs = new GraphStoreEndpoint(store, engine, settings.maxBatchTriples());
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    try {
      route(request, response, callback);
    } catch (ApiException e) {
      Responses.error(response, callback, e);
    } catch (Exception e) {
      Responses.error(response, callback, translate(request, e));
    }
    return true;
  }

  private void route(Request request, Response response, Callback callback) throws Exception {
    String path = Request.getPathInContext(request);
    String method = request.getMethod();
    Matcher renew = RENEW.matcher(path);
    Matcher snapshot = SNAPSHOT.matcher(path);
    if (path.equals("/health")) {
      allow(method, "GET");
      health(request, response, callback);
    } else if (path.equals("/triples")) {
      switch (allow(method, "GET", "POST", "DELETE")) {
        case "GET": triples.match(request, response, callback); break;
        case "POST": triples.add(request, response, callback); break;
        default: triples.remove(request, response, callback); break;
      }
    } else if (path.equals("/sparql")) {
      allow(method, "GET", "POST");
      sparql.query(request, response, callback);
    } else if (path.equals("/update")) {
      allow(method, "POST");
      update.update(request, response, callback);
    } else if (path.equals("/store")) {
      switch (allow(method, "GET", "HEAD", "PUT", "POST", "DELETE")) {
        case "GET": graphs.get(request, response, callback, false); break;
        case "HEAD": graphs.get(request, response, callback, true); break;
        case "PUT": graphs.put(request, response, callback); break;
        case "POST": graphs.post(request, response, callback); break;
        default: graphs.delete(request, response, callback); break;
      }
    } else if (path.equals("/snapshots")) {
      if (allow(method, "GET", "POST").equals("GET")) {
        snapshots.list(request, response, callback);
      } else {
        snapshots.create(request, response, callback);
      }
    } else if (snapshot.matches()) {
      long id = Long.parseLong(snapshot.group(1));
      if (allow(method, "GET", "DELETE").equals("GET")) {
        snapshots.get(request, response, callback, id);
      } else {
        snapshots.release(request, response, callback, id);
      }
    } else if (renew.matches()) {
      allow(method, "POST");
      snapshots.renew(request, response, callback, Long.parseLong(renew.group(1)));
    } else {
      throw ApiException.notFound("no such resource: " + path
          + " (the API has /health, /triples, /sparql, /update, /store, /snapshots, /snapshots/{id}, /snapshots/{id}/renew)");
    }
  }

  private void health(Request request, Response response, Callback callback) {
    QueryParameters.of(request, Set.of());
    Duration uptime = Duration.ofNanos(System.nanoTime() - startedAtNanos);
    Responses.json(response, callback, 200, Responses.object("status", "UP", "uptimeMillis", uptime.toMillis(),
        "leases", store.registry().count(), "triples", store.size()));
  }

  /** Returns {@code method} when it is one of {@code allowed}, else a 405 listing them. */
  private static String allow(String method, String... allowed) {
    for (String candidate : allowed) {
      if (candidate.equals(method)) {
        return method;
      }
    }
    String list = String.join(", ", allowed);
    throw new ApiException(405, "method_not_allowed", "method " + method + " is not allowed here; allowed: " + list)
        .with("allow", list);
  }

  private static ApiException translate(Request request, Throwable e) {
    if (e instanceof SnapshotReleasedException) {
      return SnapshotsEndpoint.released((SnapshotReleasedException) e);
    }
    if (e instanceof LeaseLimitExceededException) {
      return new ApiException(429, "too_many_leases", e.getMessage());
    }
    if (e instanceof java.io.UncheckedIOException unreadable) {
      // Only the request body is read as a stream here; the atomic change was not applied.
      return ApiException.bodyUnreadable(unreadable);
    }
    if (e instanceof StoreClosedException) {
      return new ApiException(503, "unavailable", "the store is closing: " + e.getMessage());
    }
    LOG.error("{} {} failed", request.getMethod(), Request.getPathInContext(request), e);
    return new ApiException(500, "internal_error", e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
