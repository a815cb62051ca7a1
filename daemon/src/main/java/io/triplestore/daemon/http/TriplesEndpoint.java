package io.triplestore.daemon.http;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotReleasedException;
import io.triplestore.store.BulkLoadException;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.ImportResult;
import io.triplestore.store.ImportTooLargeException;
import io.triplestore.store.InputLimitException;
import io.triplestore.store.InputLimits;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.RdfSyntaxException;
import io.triplestore.store.TripleStore;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * {@code /triples}: RDF in any of the six formats in (add, remove; the {@code Content-Type} says
 * which) and out (match; the {@code Accept} header chooses). Request bodies stream through the
 * store's one reader. An atomic change holds at most {@code http.max-batch-triples} statements;
 * {@code ?mode=bulk} commits in batches instead and says how far it got.
 *
 * <p>Concurrency: one instance serves every request thread; it holds only immutable settings and
 * the thread-safe store, and each request's state lives in its own call.
 */
final class TriplesEndpoint {

  private static final Logger LOG = LogManager.getLogger(TriplesEndpoint.class);
  /** The formats that hold every graph, for {@code ?all}: N-Quads first. */
  private static final List<RDFFormat> QUAD_FORMATS =
      RdfMediaTypes.FORMATS.stream().filter(RDFFormat::supportsContexts).toList();

  private final TripleStore store;
  private final int maxBatchTriples;
  private final InputLimits limits;

  TriplesEndpoint(TripleStore store, int maxBatchTriples, InputLimits limits) {
    this.store = store;
    this.maxBatchTriples = maxBatchTriples;
    this.limits = limits;
  }

  /**
   * {@code GET /triples?s=&p=&o=&limit=&snapshot=&default|graph=|all}: streams the matches in the
   * negotiated format. Without a graph parameter the format decides: every graph for a format
   * with graphs (N-Quads, TriG, JSON-LD), the default graph for one without.
   */
  void match(Request request, Response response, Callback callback) throws Exception {
    QueryParameters query = QueryParameters.of(request, Set.of("s", "p", "o", "limit", "snapshot",
        GraphParameters.DEFAULT, GraphParameters.GRAPH, GraphParameters.ALL));
    Optional<GraphSelector> asked = GraphParameters.of(query);
    RDFFormat format = negotiate(request.getHeaders().get(HttpHeader.ACCEPT), asked);
    GraphSelector graphs = asked.orElse(format.supportsContexts() ? GraphSelector.ALL : GraphSelector.DEFAULT);
    QuadPattern pattern = QuadPattern.of(query.term("s").orElse(null), query.term("p").orElse(null),
        query.term("o").orElse(null), graphs);
    long limit = query.number("limit", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
    SnapshotLease lease = query.number("snapshot", 0, Long.MAX_VALUE)
        .map(id -> SnapshotsEndpoint.lease(store.registry(), id)).orElse(null);
    try {
      new RdfStreamer(request, response, callback).stream(format, out -> {
        if (lease == null) {
          store.export(out, format, pattern, limit);
        } else {
          store.export(out, format, pattern, limit, lease);
        }
      });
    } catch (SnapshotReleasedException e) {
      throw SnapshotsEndpoint.released(e);
    }
  }

  /** N-Triples unless the client says otherwise; only formats with graphs when every graph is asked for. */
  private static RDFFormat negotiate(String accept, Optional<GraphSelector> asked) {
    boolean all = asked.filter(GraphSelector.ALL::equals).isPresent();
    List<RDFFormat> candidates = all ? QUAD_FORMATS : RdfMediaTypes.FORMATS;
    return RdfMediaTypes.negotiate(accept, candidates).orElseThrow(() -> {
      String available = RdfMediaTypes.accepted(candidates);
      String problem = all && RdfMediaTypes.negotiate(accept, RdfMediaTypes.FORMATS).isPresent()
          ? "?all reads every graph, which only a format with graphs can hold, and Accept '" + accept
              + "' allows none; accept one of them, or read one graph with ?default or ?graph="
          : "no format that Accept '" + accept + "' allows is available";
      return new ApiException(406, "not_acceptable", problem + "; available: " + available)
          .with("available", available);
    });
  }

  /** {@code POST /triples[?mode=bulk]}: adds the body's statements. */
  void add(Request request, Response response, Callback callback) {
    change(request, response, callback, true);
  }

  /** {@code DELETE /triples[?mode=bulk]}: removes the body's statements. */
  void remove(Request request, Response response, Callback callback) {
    change(request, response, callback, false);
  }

  private void change(Request request, Response response, Callback callback, boolean add) {
    boolean bulk = bulkMode(request);
    RDFFormat format = RdfMediaTypes.ofBody(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
    InputStream body = Content.Source.asInputStream(request);
    if (bulk) {
      bulk(request, response, callback, add ? "add" : "remove", progress -> {
        ImportOptions options = ImportOptions.builder().progress(progress).limits(limits).build();
        try {
          return reply("bulk", add, add ? store.bulkLoad(body, format, options) : store.bulkRemove(body, format, options));
        } catch (BulkLoadException e) {
          throw bulkFailure(e, e.committedTriples());
        }
      });
      return;
    }
    String outcome = add ? "nothing was added" : "nothing was removed";
    ImportOptions options = ImportOptions.builder().limits(limits).build();
    ImportResult result;
    try {
      result = add ? store.importRdf(body, format, options) : store.removeRdf(body, format, options);
    } catch (RdfSyntaxException e) {
      throw syntaxError(e, outcome);
    } catch (InputLimitException e) {
      throw inputTooLarge(e, outcome);
    } catch (ImportTooLargeException e) {
      throw tooLarge(add ? "added" : "removed");
    }
    Responses.json(response, callback, 200, reply("atomic", add, result));
  }

  private static Map<String, Object> reply(String mode, boolean add, ImportResult result) {
    return add
        ? Responses.object("mode", mode, "added", result.added(), "alreadyPresent", result.noOps(),
            "read", result.triplesRead(), "batches", result.batches())
        : Responses.object("mode", mode, "removed", result.added(), "absent", result.noOps(),
            "read", result.triplesRead(), "batches", result.batches());
  }

  /** A bulk change: it commits batch after batch, each reported to the progress it is given. */
  @FunctionalInterface
  private interface BulkChange {
    Map<String, Object> run(LongConsumer progress);
  }

  /**
   * Runs a bulk change. Progress goes to the log, and with {@code Accept: application/x-ndjson}
   * to the client as JSON lines, ending with the result or the error; otherwise the reply is one
   * JSON object at the end, or the error with its status.
   */
  private static void bulk(Request request, Response response, Callback callback, String what, BulkChange change) {
    ProgressLines lines = ProgressLines.requested(request) ? ProgressLines.start(response, callback) : null;
    LongConsumer progress = committed -> {
      LOG.info("bulk {} from {}: {} statements committed", what, Request.getRemoteAddr(request), committed);
      if (lines != null) {
        lines.write(Responses.object("committed", committed));
      }
    };
    Map<String, Object> reply;
    try {
      reply = change.run(progress);
    } catch (ApiException failure) {
      if (lines == null) {
        throw failure;
      }
      lines.finish(failure.body());
      return;
    }
    if (lines == null) {
      Responses.json(response, callback, 200, reply);
    } else {
      reply.put("done", true);
      lines.finish(reply);
    }
  }

  private static boolean bulkMode(Request request) {
    QueryParameters query = QueryParameters.of(request, Set.of("mode"));
    String mode = query.text("mode").orElse("atomic");
    if (!mode.equals("atomic") && !mode.equals("bulk")) {
      throw ApiException.badRequest("query parameter 'mode' must be atomic or bulk, got '" + mode + "'");
    }
    return mode.equals("bulk");
  }

  /** 413 naming the limit and the key that sets it. */
  private static ApiException inputTooLarge(InputLimitException e, String outcome) {
    String key = e.limit() == InputLimitException.Limit.LINE ? "http.max-line-bytes" : "store.max-term-bytes";
    return new ApiException(413, "payload_too_large", e.getMessage() + " (" + key + " = " + e.maxBytes() + "); "
        + outcome).with("line", e.line()).with("limit", key).with("maxBytes", e.maxBytes());
  }

  /** 400 naming format, line and column (-1 where the format's parser has none, as JSON-LD's). */
  private static ApiException syntaxError(RdfSyntaxException e, String outcome) {
    return ApiException.badRequest(e.getMessage() + "; " + outcome).with("format", e.format()).with("line", e.line())
        .with("column", e.column());
  }

  private ApiException tooLarge(String verb) {
    return new ApiException(413, "payload_too_large", "more than " + maxBatchTriples
        + " statements in one atomic request (http.max-batch-triples); nothing was " + verb
        + "; send it with ?mode=bulk, which commits in batches").with("limit", maxBatchTriples);
  }

  private static ApiException bulkFailure(BulkLoadException e, long committed) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String kept = committed + " statements before it were committed";
    ApiException failure;
    if (cause instanceof InputLimitException tooLarge) {
      failure = inputTooLarge(tooLarge, kept);
    } else if (cause instanceof RdfSyntaxException syntax) {
      failure = syntaxError(syntax, kept);
    } else if (cause instanceof java.io.UncheckedIOException unreadable) {
      ApiException unread = ApiException.bodyUnreadable(unreadable);
      failure = new ApiException(unread.status(), (String) unread.body().get("error"), unread.getMessage() + "; " + kept);
    } else {
      failure = new ApiException(500, "internal_error", "bulk change failed: " + cause.getMessage() + "; " + kept);
    }
    return failure.with("committed", committed);
  }
}
