package io.triplestore.daemon.http;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.store.BulkLoadException;
import io.triplestore.store.ChangeResult;
import io.triplestore.store.CloseableIterator;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.ImportResult;
import io.triplestore.store.ImportTooLargeException;
import io.triplestore.store.NTriplesSyntaxException;
import io.triplestore.store.Triple;
import io.triplestore.store.TriplePattern;
import io.triplestore.store.TripleStore;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /triples}: N-Triples in (add, remove) and out (match). Request bodies stream through the
 * parser. An atomic change holds at most {@code http.max-batch-triples}; {@code ?mode=bulk}
 * commits in batches instead and says how far it got.
 */
final class TriplesEndpoint {

  private static final Logger LOG = LogManager.getLogger(TriplesEndpoint.class);
  private static final Set<String> N_TRIPLES_TYPES = Set.of("application/n-triples", "text/plain");

  private final TripleStore store;
  private final int maxBatchTriples;
  private final int bulkBatchTriples;

  TriplesEndpoint(TripleStore store, int maxBatchTriples, int bulkBatchTriples) {
    this.store = store;
    this.maxBatchTriples = maxBatchTriples;
    this.bulkBatchTriples = bulkBatchTriples;
  }

  /** {@code GET /triples?s=&p=&o=&limit=&snapshot=}: streams the matches as N-Triples. */
  void match(Request request, Response response, Callback callback) throws Exception {
    QueryParameters query = QueryParameters.of(request, Set.of("s", "p", "o", "limit", "snapshot"));
    TriplePattern pattern = TriplePattern.of(query.term("s").orElse(null), query.term("p").orElse(null),
        query.term("o").orElse(null));
    long limit = query.number("limit", 0, Long.MAX_VALUE).orElse(Long.MAX_VALUE);
    SnapshotRegistry registry = store.registry();
    SnapshotLease lease = query.number("snapshot", 0, Long.MAX_VALUE)
        .map(id -> SnapshotsEndpoint.lease(registry, id)).orElse(null);
    try (CloseableIterator<Triple> matches = lease == null ? store.match(pattern, limit) : store.match(pattern, lease, limit)) {
      new NTriplesStreamer(request, response, callback).stream(matches);
    } catch (io.triplestore.snapshots.SnapshotReleasedException e) {
      throw SnapshotsEndpoint.released(e);
    }
  }

  /** {@code POST /triples[?mode=bulk]}: adds the body's triples. */
  void add(Request request, Response response, Callback callback) {
    boolean bulk = bulkMode(request);
    InputStream body = Content.Source.asInputStream(request);
    if (bulk) {
      bulk(request, response, callback, "add", progress -> {
        ImportResult result;
        try {
          result = store.bulkLoad(body, ImportOptions.builder().progress(progress).build());
        } catch (BulkLoadException e) {
          throw bulkFailure(e, e.committedTriples());
        }
        return Responses.object("mode", "bulk", "added", result.added(), "alreadyPresent", result.noOps(),
            "read", result.triplesRead(), "batches", result.batches());
      });
      return;
    }
    ImportResult result;
    try {
      result = store.importNTriples(body, ImportOptions.strict());
    } catch (NTriplesSyntaxException e) {
      throw syntaxError(e, "nothing was added");
    } catch (ImportTooLargeException e) {
      throw tooLarge("added");
    }
    Responses.json(response, callback, 200, Responses.object("mode", "atomic", "added", result.added(),
        "alreadyPresent", result.noOps(), "read", result.triplesRead()));
  }

  /** {@code DELETE /triples[?mode=bulk]}: removes the body's triples. */
  void remove(Request request, Response response, Callback callback) {
    boolean bulk = bulkMode(request);
    InputStream body = Content.Source.asInputStream(request);
    if (bulk) {
      bulk(request, response, callback, "remove", progress -> {
        BatchedRemoval removal = new BatchedRemoval(store, bulkBatchTriples, progress);
        try {
          new NTriplesReader().read(body, removal::accept);
          removal.finish();
        } catch (RuntimeException e) {
          // A syntax error, a broken upload or a failing write: say what was committed before it.
          throw bulkFailure(e, removal.committedTriples());
        }
        return removed("bulk", removal);
      });
      return;
    }
    BatchedRemoval removal = new BatchedRemoval(store, maxBatchTriples, null);
    try {
      new NTriplesReader().read(body, removal::accept);
      removal.finish();
    } catch (NTriplesSyntaxException e) {
      throw syntaxError(e, "nothing was removed");
    } catch (BatchedRemoval.TooLarge e) {
      throw tooLarge("removed");
    }
    Responses.json(response, callback, 200, removed("atomic", removal));
  }

  private static Map<String, Object> removed(String mode, BatchedRemoval removal) {
    ChangeResult result = removal.result();
    return Responses.object("mode", mode, "removed", result.applied(), "absent", result.noOps(),
        "read", result.applied() + result.noOps(), "batches", removal.batches());
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
      LOG.info("bulk {} from {}: {} triples committed", what, Request.getRemoteAddr(request), committed);
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

  private boolean bulkMode(Request request) {
    QueryParameters query = QueryParameters.of(request, Set.of("mode"));
    String mode = query.text("mode").orElse("atomic");
    if (!mode.equals("atomic") && !mode.equals("bulk")) {
      throw ApiException.badRequest("query parameter 'mode' must be atomic or bulk, got '" + mode + "'");
    }
    requireNTriples(request);
    return mode.equals("bulk");
  }

  private static void requireNTriples(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null) {
      return; // a bare body is taken as N-Triples
    }
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!N_TRIPLES_TYPES.contains(mediaType)) {
      throw new ApiException(415, "unsupported_media_type", "the body must be N-Triples (Content-Type: "
          + "application/n-triples), got '" + type + "'");
    }
  }

  private static ApiException syntaxError(NTriplesSyntaxException e, String outcome) {
    return ApiException.badRequest(e.getMessage() + "; " + outcome).with("line", e.line()).with("column", e.column());
  }

  private ApiException tooLarge(String verb) {
    return new ApiException(413, "payload_too_large", "more than " + maxBatchTriples
        + " triples in one atomic request (http.max-batch-triples); nothing was " + verb
        + "; send it with ?mode=bulk, which commits in batches").with("limit", maxBatchTriples);
  }

  private static ApiException bulkFailure(RuntimeException e, long committed) {
    Throwable cause = e instanceof BulkLoadException && e.getCause() != null ? e.getCause() : e;
    ApiException failure = cause instanceof NTriplesSyntaxException
        ? ApiException.badRequest(cause.getMessage() + "; " + committed + " triples before it were committed")
            .with("line", ((NTriplesSyntaxException) cause).line())
            .with("column", ((NTriplesSyntaxException) cause).column())
        : new ApiException(500, "internal_error", "bulk change failed: " + cause.getMessage() + "; " + committed
            + " triples before it were committed");
    return failure.with("committed", committed);
  }
}
