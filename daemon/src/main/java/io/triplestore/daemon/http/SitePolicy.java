package io.triplestore.daemon.http;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which web sites may talk to a server of the daemon (the HTTP API, Jolokia): one rule for both.
 *
 * <ul>
 *   <li>Host: against DNS rebinding (a page on {@code evil.example}, whose name its owner points at
 *       127.0.0.1, is same-origin with it in the browser, but sends {@code Host: evil.example}),
 *       only this server's names are answered: 127.0.0.1, localhost, [::1], the bound address and
 *       {@code http.allowed-hosts}. The port is not compared: a rebinding page cannot choose the
 *       name it sends, and a port mapping (a container's {@code -p 18080:8080}) changes the port.
 *   <li>Origin: a browser names the page a request comes from. Allowed are the server's own
 *       origin ({@code http://} and the request's {@code Host}, which the Host rule has vouched
 *       for) and the configured origins; {@code null} (a sandboxed page, a file) never.
 * </ul>
 *
 * <p>Concurrency: immutable; shared by every request thread.
 */
public final class SitePolicy {

  private final Set<String> hostNames = new HashSet<>();
  private final Set<String> allowedOrigins;
  private final String originsKey;

  /**
   * @param boundHost the address the server binds
   * @param allowedHosts further names (lower case, without port or brackets)
   * @param allowedOrigins further origins (lower case)
   * @param originsKey the configuration key of {@code allowedOrigins}, for messages
   */
  public SitePolicy(String boundHost, List<String> allowedHosts, List<String> allowedOrigins, String originsKey) {
    for (String name : List.of("127.0.0.1", "localhost", "::1", boundHost)) {
      hostNames.add(bare(name).toLowerCase(Locale.ROOT));
    }
    allowedHosts.forEach(name -> hostNames.add(bare(name).toLowerCase(Locale.ROOT)));
    this.allowedOrigins = Set.copyOf(allowedOrigins);
    this.originsKey = originsKey;
  }

  /** Why a request with this {@code Host} header (null: none, as HTTP/1.0 may) is refused, if it is. */
  public Optional<String> refuseHost(String host) {
    if (host == null || hostNames.contains(name(host))) {
      return Optional.empty();
    }
    return Optional.of("the Host header '" + printable(host) + "' is not a name of this server (127.0.0.1,"
        + " localhost, [::1], the bound address, or one of http.allowed-hosts); other names are refused"
        + " against DNS rebinding");
  }

  /** Why a request from this {@code Origin} (null: none) to this {@code Host} is refused, if it is. */
  public Optional<String> refuseOrigin(String origin, String host) {
    if (origin == null) {
      return Optional.empty();
    }
    String normalized = origin.trim().toLowerCase(Locale.ROOT);
    if (allowedOrigins.contains(normalized)
        || (host != null && normalized.equals("http://" + host.trim().toLowerCase(Locale.ROOT)))) {
      return Optional.empty();
    }
    return Optional.of("Origin '" + printable(origin) + "' is refused: only this server's own origin and those of "
        + originsKey + " may call it (cross-site request guard)");
  }

  /** The name part of a Host header: without the port, an IPv6 address without its brackets. */
  private static String name(String host) {
    String value = host.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? value : value.substring(1, end);
    }
    int colon = value.lastIndexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }

  private static String bare(String name) {
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }

  /** A header value fit for a message: control characters shown as '?', and not too long. */
  private static String printable(String value) {
    String shown = value.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
  }
}
