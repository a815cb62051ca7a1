package io.triplestore.daemon.jmx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses, before Jolokia sees them, the requests the daemon does not serve, whoever sends them:
 * <ul>
 *   <li>proxy requests (a {@code "target"}): Jolokia's JSR-160 proxy would connect to any JMX URL
 *       the request names and deserialize what comes back. Its service is not shipped; without it
 *       Jolokia would quietly answer from the local JVM instead, so the request is refused, which
 *       says what happened;
 *   <li>notifications ({@code "type":"notification"}, or a GET path starting with
 *       {@code notification}): Jolokia checks them against neither the request type's policy nor
 *       the denied MBeans, so a listener could be put on any MBean, JFR's included.
 * </ul>
 * A POST body is read whole (at most {@link #MAX_BODY_BYTES}; Jolokia's requests are small) and
 * handed on unchanged; a body that is not JSON is left for Jolokia to refuse.
 *
 * <p>Concurrency: stateless; shared by Jolokia's request threads.
 */
final class JolokiaRequestFilter extends Filter {

  static final int MAX_BODY_BYTES = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Optional<String> refusal;
    if ("POST".equalsIgnoreCase(exchange.getRequestMethod())) {
      byte[] body = readBounded(exchange.getRequestBody());
      if (body == null) {
        JolokiaSiteFilter.refuse(exchange, 413, "a Jolokia request body may have " + MAX_BODY_BYTES + " bytes at most");
        return;
      }
      exchange.setStreams(new ByteArrayInputStream(body), null);
      refusal = refusalOfBody(body);
    } else {
      refusal = refusalOfPath(exchange);
    }
    if (refusal.isPresent()) {
      JolokiaSiteFilter.refuse(exchange, 403, refusal.get());
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "refuses proxy and notification requests";
  }

  /** The body, or null when it is longer than {@link #MAX_BODY_BYTES}. */
  private static byte[] readBounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static Optional<String> refusalOfBody(byte[] body) {
    JsonNode requests;
    try {
      requests = JSON.readTree(body);
    } catch (IOException notJson) {
      return Optional.empty(); // Jolokia answers it with its own error
    }
    if (requests == null) {
      return Optional.empty();
    }
    for (JsonNode request : requests.isArray() ? requests : java.util.List.of(requests)) {
      Optional<String> refusal = refusalOf(request.path("type").asText(""), request.has("target"));
      if (refusal.isPresent()) {
        return refusal;
      }
    }
    return Optional.empty();
  }

  /** A GET: the request type is the first segment of the path after the agent's context, or of {@code p=}. */
  private static Optional<String> refusalOfPath(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    String context = exchange.getHttpContext().getPath();
    String rest = path.length() > context.length() ? path.substring(context.length()) : "";
    String query = exchange.getRequestURI().getRawQuery();
    boolean target = false;
    if (query != null) {
      for (String parameter : query.split("&")) {
        String[] nameAndValue = parameter.split("=", 2);
        String name = decode(nameAndValue[0]);
        if (name.equals("p") && nameAndValue.length == 2) {
          rest = nameAndValue[1];
        }
        target |= name.equals("target");
      }
    }
    String decoded = decode(rest);
    while (decoded.startsWith("/")) {
      decoded = decoded.substring(1);
    }
    int slash = decoded.indexOf('/');
    return refusalOf(slash < 0 ? decoded : decoded.substring(0, slash), target);
  }

  private static Optional<String> refusalOf(String type, boolean hasTarget) {
    if (hasTarget) {
      return Optional.of("proxy requests (a \"target\") are refused: the daemon serves its own JVM only");
    }
    if (type.trim().toLowerCase(Locale.ROOT).equals("notification")) {
      return Optional.of("notification requests are refused: the daemon offers no JMX notifications over Jolokia");
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return text;
    }
  }
}
