package io.triplestore.daemon.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty raises itself (a malformed request line, a request refused while stopping) in the
 * API's JSON shape, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() > 0 ? response.getStatus() : 500;
    Object message = request.getAttribute(ERROR_MESSAGE);
    String reason = HttpStatus.getMessage(status);
    String code = status == 503 ? "unavailable" : reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    Responses.error(response, callback, new ApiException(status, code, message == null ? reason : message.toString()));
    return true;
  }
}
