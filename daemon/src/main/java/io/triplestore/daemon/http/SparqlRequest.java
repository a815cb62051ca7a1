package io.triplestore.daemon.http;

import io.triplestore.snapshots.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * One SPARQL Protocol request read and checked: the query or update text, the dataset it names
 * ({@code default-graph-uri}/{@code named-graph-uri}, or {@code using-graph-uri}/{@code
 * using-named-graph-uri} for updates), and its timeout. The text comes from the query string
 * ({@code GET}), a form ({@code application/x-www-form-urlencoded}) or the body itself ({@code
 * application/sparql-query} or {@code application/sparql-update}); a body is read up to {@code
 * sparql.max-request-bytes}. Unknown parameters, a missing or repeated text, a timeout out of
 * range, another content type: each a 4xx naming it.
 *
 * @param text the query or update
 * @param defaultGraphs IRIs of the default graph's graphs
 * @param namedGraphs IRIs of the named graphs
 * @param timeout the timeout, and so the lease's TTL
 * @param snapshot the id of an existing lease to query at ({@code snapshot=}, queries only)
 */
record SparqlRequest(String text, List<String> defaultGraphs, List<String> namedGraphs, Duration timeout,
    Optional<Long> snapshot) {

  /** Which operation: its text parameter, body media type and dataset parameters. */
  enum Kind {
    QUERY("query", "application/sparql-query", "default-graph-uri", "named-graph-uri"),
    UPDATE("update", "application/sparql-update", "using-graph-uri", "using-named-graph-uri");

    final String textParameter;
    final String mediaType;
    final String defaultGraphParameter;
    final String namedGraphParameter;

    Kind(String textParameter, String mediaType, String defaultGraphParameter, String namedGraphParameter) {
      this.textParameter = textParameter;
      this.mediaType = mediaType;
      this.defaultGraphParameter = defaultGraphParameter;
      this.namedGraphParameter = namedGraphParameter;
    }

    Set<String> parameters() {
      return this == QUERY ? Set.of(textParameter, defaultGraphParameter, namedGraphParameter, "timeout", "snapshot")
          : Set.of(textParameter, defaultGraphParameter, namedGraphParameter, "timeout");
    }
  }

  static final String FORM = "application/x-www-form-urlencoded";

  /**
   * Reads {@code request} as {@code kind}.
   *
   * @throws ApiException 400, 413 or 415 naming the problem
   */
  static SparqlRequest read(Request request, Kind kind, SparqlSettings settings) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    add(parameters, queryString(request), kind, "query string");
    String text = null;
    if (request.getMethod().equals("POST")) {
      String type = mediaType(request);
      if (type.equals(FORM)) {
        add(parameters, form(body(request, settings)), kind, "form");
      } else if (type.equals(kind.mediaType)) {
        if (parameters.containsKey(kind.textParameter)) {
          throw ApiException.badRequest("a " + kind.mediaType + " body is the " + kind.textParameter
              + "; the query string must not have '" + kind.textParameter + "' too");
        }
        text = body(request, settings);
      } else {
        throw new ApiException(415, "unsupported_media_type", "a POST must be " + kind.mediaType + " or " + FORM
            + ", got '" + request.getHeaders().get(HttpHeader.CONTENT_TYPE) + "'")
            .with("accepted", List.of(kind.mediaType, FORM));
      }
    }
    if (text == null) {
      List<String> texts = parameters.getOrDefault(kind.textParameter, List.of());
      if (texts.size() != 1) {
        throw ApiException.badRequest(texts.isEmpty()
            ? "no " + kind.textParameter + ": give it as the '" + kind.textParameter + "' parameter"
                + (kind == Kind.QUERY ? " (GET or a form POST)" : " of a form POST") + " or as a "
                + kind.mediaType + " body"
            : "parameter '" + kind.textParameter + "' is given " + texts.size() + " times; expected once");
      }
      text = texts.get(0);
    }
    if (text.isBlank()) {
      throw ApiException.badRequest("the " + kind.textParameter + " is empty");
    }
    return new SparqlRequest(text, parameters.getOrDefault(kind.defaultGraphParameter, List.of()),
        parameters.getOrDefault(kind.namedGraphParameter, List.of()), timeout(parameters, settings),
        snapshot(parameters));
  }

  private static Optional<Long> snapshot(Map<String, List<String>> parameters) {
    return parameters.getOrDefault("snapshot", List.of()).stream().findFirst().map(value -> {
      if (!value.matches("\\d{1,18}")) {
        throw ApiException.badRequest("parameter 'snapshot' must be the id of a lease (a whole number), got '"
            + value + "'");
      }
      return Long.parseLong(value);
    });
  }

  private static Fields queryString(Request request) {
    try {
      return Request.extractQueryParameters(request);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("malformed query string: " + e.getMessage());
    }
  }

  private static Fields form(String body) {
    Fields fields = new Fields(true);
    try {
      UrlEncoded.decodeUtf8To(body, fields);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("malformed form body: " + e.getMessage());
    }
    return fields;
  }

  /** Only the graph parameters may repeat; everything else at most once over query string and form. */
  private static void add(Map<String, List<String>> parameters, Fields fields, Kind kind, String where) {
    for (Fields.Field field : fields) {
      String name = field.getName();
      if (!kind.parameters().contains(name)) {
        throw ApiException.badRequest("unknown parameter '" + name + "' in the " + where + "; allowed here: "
            + String.join(", ", new TreeSet<>(kind.parameters())));
      }
      List<String> values = parameters.computeIfAbsent(name, any -> new ArrayList<>());
      values.addAll(field.getValues());
      boolean repeatable = name.equals(kind.defaultGraphParameter) || name.equals(kind.namedGraphParameter);
      if (!repeatable && values.size() > 1) {
        throw ApiException.badRequest("parameter '" + name + "' is given more than once");
      }
    }
  }

  private static String mediaType(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    return type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
  }

  /** The body as UTF-8, at most {@code sparql.max-request-bytes} of it. */
  private static String body(Request request, SparqlSettings settings) {
    int limit = settings.maxRequestBytes();
    long declared = request.getLength();
    if (declared > limit) {
      throw tooLarge(limit);
    }
    byte[] bytes;
    try (InputStream in = Content.Source.asInputStream(request)) {
      bytes = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw ApiException.bodyUnreadable(new UncheckedIOException(e));
    }
    if (bytes.length > limit) {
      throw tooLarge(limit);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest("the body is not UTF-8: " + e.getMessage());
    }
  }

  private static ApiException tooLarge(int limit) {
    return new ApiException(413, "payload_too_large", "the request body is larger than " + limit
        + " bytes (sparql.max-request-bytes); nothing was run").with("limit", "sparql.max-request-bytes")
        .with("maxBytes", limit);
  }

  /**
   * {@code timeout=}: a bare number is seconds, as SPARQL servers take it (Fuseki, Virtuoso);
   * anything else is the daemon's duration grammar ({@code 500ms}, {@code 2m}, {@code PT30S}).
   */
  private static Duration timeout(Map<String, List<String>> parameters, SparqlSettings settings) {
    List<String> given = parameters.getOrDefault("timeout", List.of());
    if (given.isEmpty()) {
      return settings.queryTimeout();
    }
    String value = given.get(0).trim();
    Duration timeout;
    try {
      timeout = value.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(value)) : Settings.duration(value);
    } catch (IllegalArgumentException e) {
      timeout = Duration.ZERO;
    }
    if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(settings.maxQueryTimeout()) > 0) {
      throw ApiException.badRequest("parameter 'timeout' must be a number of seconds or " + Settings.DURATION_SYNTAX
          + ", positive and at most " + Settings.format(settings.maxQueryTimeout())
          + " (sparql.max-query-timeout), got '" + given.get(0) + "'");
    }
    return timeout;
  }
}
