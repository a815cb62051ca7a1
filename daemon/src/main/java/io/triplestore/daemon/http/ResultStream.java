package io.triplestore.daemon.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Streams a result as it is produced, through a buffer, so that the status is committed only with
 * the first full buffer: a failure before that (a syntax error found late, a lease released while
 * an ORDER BY reads everything) is thrown to the caller, which answers with a proper error. A
 * failure after it fails the callback, which makes Jetty abort the response: the chunked encoding
 * is never terminated, so a client sees a broken transfer, never a complete-looking short result.
 * The same as {@link NTriplesStreamer} does for {@code /triples}, for any writer.
 */
final class ResultStream {

  private static final Logger LOG = LogManager.getLogger(ResultStream.class);
  private static final int BUFFER_BYTES = 32 * 1024;

  /** Writes the whole result to the stream it is given; RDF4J's writers throw unchecked. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private ResultStream() {}

  /**
   * Sends {@code body} with status 200.
   *
   * @throws RuntimeException what {@code body} threw, when nothing was sent yet
   */
  static void send(Request request, Response response, Callback callback, String contentType, Body body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
    OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER_BYTES);
    try {
      body.writeTo(out);
      out.close();
    } catch (IOException clientGone) {
      cut(request, callback, clientGone);
      return;
    } catch (RuntimeException e) {
      if (!response.isCommitted()) {
        response.reset(); // drops the 200 and its type; what was buffered is never sent
        throw e;
      }
      cut(request, callback, e);
      return;
    }
    callback.succeeded();
  }

  private static void cut(Request request, Callback callback, Exception e) {
    if (causedByIo(e)) {
      // The client went away mid-stream: its business, and one line at DEBUG so hang-ups cannot flood the log.
      LOG.debug("response to {} cut: the client is gone ({})", Request.getRemoteAddr(request), e.toString());
    } else {
      LOG.warn("{} {} from {} failed after the response was committed, the transfer was cut: {}",
          request.getMethod(), Request.getPathInContext(request), Request.getRemoteAddr(request), e.getMessage());
    }
    callback.failed(e);
  }

  private static boolean causedByIo(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }
}
