package io.triplestore.daemon.http;

import io.triplestore.snapshots.LeaseLimitExceededException;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryInterruptedException;

/**
 * What a failed SPARQL query or update tells its client: a syntax error is a 400 with its line and
 * column, a query whose lease was released (operator, TTL, shutdown) a 503 naming the lease and
 * the reason. RDF4J wraps the store's exceptions (a {@code SailException} in a {@code
 * QueryEvaluationException}, ...), so causes are searched through the chain.
 */
final class SparqlFailures {

  /** RDF4J's parser messages end with "at line 3, column 7." */
  private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

  private SparqlFailures() {}

  /** A 400 for a query or update that does not parse. */
  static ApiException malformed(MalformedQueryException e, String what, String outcome) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
    ApiException failure = ApiException.badRequest("the " + what + " does not parse: " + message + "; " + outcome);
    Matcher position = POSITION.matcher(message);
    if (position.find()) {
      failure.with("line", Long.parseLong(position.group(1))).with("column", Long.parseLong(position.group(2)));
    }
    return failure;
  }

  /** The API error for a failure of evaluation, if it is one the client must hear about as such. */
  static Optional<ApiException> translate(Throwable e, String what, String outcome, boolean stopping) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SnapshotReleasedException released) {
        ApiException cancelled = cancelled(released, what, outcome);
        return Optional.of(stopping ? new ApiException(503, "unavailable", "the daemon is stopping: "
            + cancelled.getMessage()).with("id", released.leaseId()).with("reason", cancelled.body().get("reason"))
            : cancelled);
      }
      if (cause instanceof LeaseLimitExceededException) {
        return Optional.of(new ApiException(429, "too_many_leases", cause.getMessage() + "; " + outcome));
      }
      if (cause instanceof MalformedQueryException malformed) {
        return Optional.of(malformed(malformed, what, outcome));
      }
      if (cause instanceof QueryInterruptedException) {
        return Optional.of(new ApiException(503, "query_cancelled", "the " + what + " was stopped: "
            + cause.getMessage() + "; " + outcome));
      }
    }
    return Optional.empty();
  }

  private static ApiException cancelled(SnapshotReleasedException e, String what, String outcome) {
    String reason = e.reason() == null ? "UNKNOWN" : e.reason().name();
    return new ApiException(503, "query_cancelled", "the " + what + " was stopped: its snapshot lease "
        + e.leaseId() + " was released (reason " + reason + "); " + outcome)
        .with("id", e.leaseId()).with("reason", reason);
  }
}
