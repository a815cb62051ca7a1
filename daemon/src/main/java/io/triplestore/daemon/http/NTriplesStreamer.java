package io.triplestore.daemon.http;

import io.triplestore.store.Triple;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes triples as an N-Triples response, one line each, as they come. The status is committed
 * only with the first full buffer, so a read that fails early (a lease released a moment ago)
 * still gets a proper error reply; one that fails later aborts the response, and the client sees
 * a truncated transfer instead of a silently short result, and the failure is logged at ERROR
 * (the store's message names the file of a checksum error), since no client will report it.
 */
final class NTriplesStreamer {

  private static final Logger LOG = LogManager.getLogger(NTriplesStreamer.class);
  private static final int BUFFER_CHARS = 32 * 1024;

  private final Request request;
  private final Response response;
  private final Callback callback;

  NTriplesStreamer(Request request, Response response, Callback callback) {
    this.request = request;
    this.response = response;
    this.callback = callback;
  }

  void stream(Iterator<Triple> triples) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Responses.N_TRIPLES);
    OutputStream out = Content.Sink.asOutputStream(response);
    StringBuilder buffer = new StringBuilder(BUFFER_CHARS + 1024);
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    long written = 0;
    try {
      while (triples.hasNext()) {
        buffer.append(triples.next().toNTriples()).append('\n');
        written++;
        if (buffer.length() >= BUFFER_CHARS) {
          writer.append(buffer).flush();
          buffer.setLength(0);
        }
      }
      writer.append(buffer);
      writer.close();
    } catch (IOException clientGone) {
      // The client went away (or stopped reading) mid-stream: its business, not an error of ours.
      // One line at DEBUG, so that clients that hang up cannot flood the log.
      LOG.debug("response to {} cut: the client is gone ({})", Request.getRemoteAddr(request), clientGone.toString());
      callback.failed(clientGone);
      return;
    } catch (RuntimeException e) {
      if (!response.isCommitted()) {
        throw e; // nothing sent yet: the caller answers with a proper error
      }
      LOG.error("{} {} failed after {} triples, the transfer was cut: {}", request.getMethod(),
          Request.getPathInContext(request), written, e.getMessage(), e);
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }
}
