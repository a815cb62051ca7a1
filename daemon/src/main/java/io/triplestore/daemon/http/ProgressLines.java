package io.triplestore.daemon.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A bulk change's reply as a stream of JSON lines ({@code application/x-ndjson}), for clients that
 * ask for it with {@code Accept}: one {@code {"committed": N}} line per committed batch, then one
 * last line that is either the result ({@code "done": true}) or the error with what was committed.
 * The status is 200 from the start, so the last line, not the status, tells how it ended.
 */
final class ProgressLines {

  static final String NDJSON = "application/x-ndjson";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final OutputStream out;
  private final Callback callback;

  private ProgressLines(OutputStream out, Callback callback) {
    this.out = out;
    this.callback = callback;
  }

  /** Whether the client asked for progress lines. */
  static boolean requested(Request request) {
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    return accept != null && accept.contains(NDJSON);
  }

  static ProgressLines start(Response response, Callback callback) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, NDJSON);
    return new ProgressLines(Content.Sink.asOutputStream(response), callback);
  }

  /** One line, sent at once. */
  void write(Map<String, Object> line) {
    try {
      out.write(MAPPER.writeValueAsBytes(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("the client is gone: " + e.getMessage(), e);
    }
  }

  /** Writes the last line and completes the reply. */
  void finish(Map<String, Object> last) {
    try {
      write(last);
      out.close();
      callback.succeeded();
    } catch (IOException | UncheckedIOException e) {
      callback.failed(e);
    }
  }
}
