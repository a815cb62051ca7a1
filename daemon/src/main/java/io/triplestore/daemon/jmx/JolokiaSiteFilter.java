package io.triplestore.daemon.jmx;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import io.triplestore.daemon.http.SitePolicy;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * In front of Jolokia, before its own handling: other web sites get nothing. A foreign
 * {@code Host} is refused (DNS rebinding), so is any request whose {@code Origin} (or, without one,
 * {@code Referer}) is not Jolokia's own or one of {@code jolokia.allowed-origins}: no CORS answer
 * ever names a foreign origin, as Jolokia's {@code <cors><strict-checking/>} would have it but
 * whatever policy file is in use. JSONP ({@code ?callback=}), which a page could load as a script
 * from anywhere without an {@code Origin}, is refused outright.
 *
 * <p>Concurrency: immutable; shared by Jolokia's request threads.
 */
final class JolokiaSiteFilter extends Filter {

  private final SitePolicy policy;

  JolokiaSiteFilter(SitePolicy policy) {
    this.policy = policy;
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String host = exchange.getRequestHeaders().getFirst("Host");
    Optional<String> refusal = policy.refuseHost(host);
    if (refusal.isPresent()) {
      refuse(exchange, 421, refusal.get());
      return;
    }
    refusal = policy.refuseOrigin(origin(exchange), host);
    if (refusal.isPresent()) {
      refuse(exchange, 403, refusal.get());
      return;
    }
    if (hasCallback(exchange.getRequestURI())) {
      refuse(exchange, 400, "JSONP (the callback parameter) is not served: a page of any site could load the"
          + " answer as a script; call Jolokia with POST or GET and JSON");
      return;
    }
    chain.doFilter(exchange);
  }

  @Override
  public String description() {
    return "refuses foreign hosts, foreign origins and JSONP";
  }

  /** The Origin header, or the origin of the Referer when there is no Origin (as Jolokia checks). */
  private static String origin(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null) {
      return origin;
    }
    String referer = exchange.getRequestHeaders().getFirst("Referer");
    if (referer == null) {
      return null;
    }
    try {
      URI uri = URI.create(referer.trim());
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (IllegalArgumentException malformed) {
      return referer;
    }
  }

  private static boolean hasCallback(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return false;
    }
    for (String parameter : query.split("&")) {
      String name = parameter.split("=", 2)[0];
      try {
        // Decoded as Jolokia decodes it, so that c%61llback is seen too.
        name = URLDecoder.decode(name, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        // Jolokia refuses the query itself; compare what is there.
      }
      if (name.trim().equalsIgnoreCase("callback")) {
        return true;
      }
    }
    return false;
  }

  /** Answers {@code status} with {@code message} as plain text, and nothing else happens. */
  static void refuse(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = (status + " " + message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
