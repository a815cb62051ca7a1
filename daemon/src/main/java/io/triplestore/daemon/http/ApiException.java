package io.triplestore.daemon.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP API error: a status, a short machine-readable code and a message for people, sent as
 * {@code {"error": code, "message": message, ...details}}.
 */
final class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final transient Map<String, Object> details = new LinkedHashMap<>();

  ApiException(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  /**
   * The request body ended early (a truncated upload, a broken chunk, a client gone: 400) or came
   * too slowly (http.min-request-data-rate: 408). The client's fault either way.
   */
  static ApiException bodyUnreadable(java.io.UncheckedIOException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        return new ApiException(408, "request_timeout", cause.getMessage());
      }
    }
    return badRequest("the request body could not be read to its end: " + e.getMessage());
  }

  static ApiException gone(String message) {
    return new ApiException(410, "gone", message);
  }

  /** Adds a detail to the JSON body, e.g. the release reason or the line of a syntax error. */
  ApiException with(String key, Object value) {
    details.put(key, value);
    return this;
  }

  int status() {
    return status;
  }

  /** The JSON body. */
  Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", getMessage());
    body.putAll(details);
    return body;
  }
}
