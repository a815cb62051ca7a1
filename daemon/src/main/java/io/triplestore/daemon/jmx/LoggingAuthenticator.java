package io.triplestore.daemon.jmx;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import io.triplestore.snapshots.Operator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Jolokia's own authenticator with two additions: a failed login is logged (rate-limited, with the
 * remote address, by {@link FailedLoginLog}), and a successful one binds the user and address to
 * the request's thread as the {@link Operator} of the audit trail. The JDK's HTTP server runs the
 * authenticator and then the handler on the same thread, and every request passes here first, so
 * each request's MBean calls see its own user; a refused request unbinds.
 *
 * <p>Concurrency: one instance serves every Jolokia request thread; it keeps no state of its own
 * (the binding is per thread, the failure log is thread-safe).
 */
final class LoggingAuthenticator extends Authenticator {

  private final Authenticator delegate;
  private final FailedLoginLog failures;

  LoggingAuthenticator(Authenticator delegate, FailedLoginLog failures) {
    this.delegate = delegate;
    this.failures = failures;
  }

  @Override
  public Result authenticate(HttpExchange exchange) {
    Result result = delegate.authenticate(exchange);
    String address = exchange.getRemoteAddress().getAddress().getHostAddress();
    if (result instanceof Success success) {
      Operator.bindToThread(new Operator(success.getPrincipal().getUsername(), address, "jolokia"));
    } else {
      Operator.unbindFromThread();
      failures.failed(basicUser(exchange).orElse(null), address);
    }
    return result;
  }

  /** The user name a basic Authorization header claims, if any. */
  private static Optional<String> basicUser(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }
}
