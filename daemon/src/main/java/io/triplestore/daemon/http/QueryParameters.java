package io.triplestore.daemon.http;

import io.triplestore.snapshots.Settings;
import io.triplestore.store.Term;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * The query parameters of one request, read with validation: an unknown, repeated or malformed
 * parameter is a 400 that names it, so a typo never silently means "not given".
 */
final class QueryParameters {

  private final Fields fields;

  private QueryParameters(Fields fields) {
    this.fields = fields;
  }

  /** The parameters of {@code request}, of which only {@code allowed} may appear. */
  static QueryParameters of(Request request, Set<String> allowed) {
    Fields fields;
    try {
      fields = Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("malformed query string: " + e.getMessage());
    }
    for (Fields.Field field : fields) {
      if (!allowed.contains(field.getName())) {
        throw ApiException.badRequest("unknown query parameter '" + field.getName() + "'; allowed here: "
            + (allowed.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(allowed))));
      }
      if (field.getValues().size() > 1) {
        throw ApiException.badRequest("query parameter '" + field.getName() + "' is given more than once");
      }
    }
    return new QueryParameters(fields);
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(fields.getValue(name));
  }

  /** An N-Triples term, e.g. {@code <http://x>}, {@code "chat"@fr}, {@code _:b1}. */
  Optional<Term> term(String name) {
    return text(name).map(value -> {
      try {
        return Term.parse(value);
      } catch (IllegalArgumentException e) {
        String reason = e.getCause() == null || e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage();
        throw ApiException.badRequest("query parameter '" + name + "' is not an N-Triples term: '" + value
            + "'" + reason + " (write IRIs as <http://...>, literals as \"text\", \"text\"@en or \"1\"^^<datatype>)");
      }
    });
  }

  /** A whole number from {@code min} to {@code max}. */
  Optional<Long> number(String name, long min, long max) {
    return text(name).map(value -> {
      try {
        long number = Long.parseLong(value.trim());
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // the message below says what is allowed
      }
      throw ApiException.badRequest("query parameter '" + name + "' must be a whole number from " + min + " to " + max
          + ", got '" + value + "'");
    });
  }

  /** A positive duration: ISO-8601 ({@code PT30S}) or milliseconds, or a number with a unit. */
  Optional<Duration> duration(String name) {
    return text(name).map(value -> {
      try {
        return Settings.duration(value);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("query parameter '" + name + "' must be " + Settings.DURATION_SYNTAX + ", got '"
            + value + "'");
      }
    });
  }
}
