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
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * Writes an export of the store as the response, as it comes. The status is committed only with
 * the first full buffer, so a read that fails early (a lease released a moment ago) still gets a
 * proper error reply; one that fails later aborts the response, and the client sees a truncated
 * transfer instead of a silently short result, and the failure is logged at ERROR (the store's
 * message names the file of a checksum error), since no client will report it.
 */
final class RdfStreamer {

  private static final Logger LOG = LogManager.getLogger(RdfStreamer.class);
  private static final int BUFFER_BYTES = 32 * 1024;

  /** Writes the export to {@code out}; the store's {@code export} methods fit. */
  @FunctionalInterface
  interface Export {
    void writeTo(OutputStream out);
  }

  private final Request request;
  private final Response response;
  private final Callback callback;

  RdfStreamer(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  void stream(RDFFormat format, Export export) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, RdfMediaTypes.contentType(format));
    OutputStream out = new BufferedOutputStream(Content.Sink.asOutputStream(response), BUFFER_BYTES);
    try {
      export.writeTo(out);
      out.close();
    } catch (IOException clientGone) {
      gone(clientGone);
      return;
    } catch (RuntimeException e) {
      // Rio's writers wrap the failed write to a socket the client closed.
      IOException clientGone = ioCause(e);
      if (clientGone != null) {
        gone(clientGone);
        return;
      }
      if (!response.isCommitted()) {
        throw e; // nothing sent yet: the caller answers with a proper error
      }
      LOG.error("{} {} failed, the transfer was cut: {}", request.getMethod(), Request.getPathInContext(request),
          e.getMessage(), e);
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  /**
   * The client went away (or stopped reading) mid-stream: its business, not an error of ours. One
   * line at DEBUG, so that clients that hang up cannot flood the log.
   */
  private void gone(IOException clientGone) {
    LOG.debug("response to {} cut: the client is gone ({})", Request.getRemoteAddr(request), clientGone.toString());
    callback.failed(clientGone);
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        return io;
      }
    }
    return null;
  }
}
