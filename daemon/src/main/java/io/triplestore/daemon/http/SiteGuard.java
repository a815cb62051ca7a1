package io.triplestore.daemon.http;

import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Keeps other web sites out of the API before any endpoint runs ({@link SitePolicy}): a foreign
 * {@code Host} gets 421 (DNS rebinding); a write (anything but GET, HEAD, OPTIONS) from a foreign
 * {@code Origin} gets 403 (cross-site request forgery: a page may send a form or a
 * {@code no-cors} fetch anywhere). Reads from other origins are answered, without CORS headers,
 * which the API never sends, so the browser does not let the page see them.
 *
 * <p>A refused request's body is never read, so its answer says {@code Connection: close}: the
 * server closes the connection rather than read what may still be coming, and a keep-alive client
 * told so opens a new one for its next request instead of sending it into the closing one.
 *
 * <p>Concurrency: immutable; shared by every request thread.
 */
final class SiteGuard extends Handler.Wrapper {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final SitePolicy policy;

  SiteGuard(Handler next, SitePolicy policy) {
    super(next);
    this.policy = policy;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String host = request.getHeaders().get(HttpHeader.HOST);
    Optional<String> refusal = policy.refuseHost(host);
    if (refusal.isPresent()) {
      refuse(response, callback, new ApiException(421, "misdirected_request", refusal.get()));
      return true;
    }
    if (!SAFE_METHODS.contains(request.getMethod())) {
      refusal = policy.refuseOrigin(request.getHeaders().get(HttpHeader.ORIGIN), host);
      if (refusal.isPresent()) {
        refuse(response, callback, new ApiException(403, "forbidden", "a " + request.getMethod()
            + " from " + refusal.get()));
        return true;
      }
    }
    return super.handle(request, response, callback);
  }

  private static void refuse(Response response, Callback callback, ApiException refusal) {
    response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    Responses.error(response, callback, refusal);
  }
}
