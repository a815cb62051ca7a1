package io.triplestore.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP written by hand on a socket, for what {@link java.net.http.HttpClient} will not send (a
 * foreign {@code Host}, malformed requests): writes the bytes, closes the sending side, as a client
 * that is done or dead, and reads whatever the server answers until it closes.
 */
public final class RawHttp {

  private RawHttp() {}

  /** The server's whole answer (ISO-8859-1, so any byte survives), empty when it closed without one. */
  public static String exchange(URI server, String request) throws IOException {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        in.transferTo(answer);
      } catch (SocketTimeoutException | SocketException e) {
        // a reset after a partial answer is a close; what arrived is for the caller to judge
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** The status code of an answer, or -1 when there was none. */
  public static int status(String answer) {
    if (!answer.startsWith("HTTP/1.1 ") || answer.length() < 12) {
      return -1;
    }
    return Integer.parseInt(answer.substring(9, 12));
  }

  /** The body of an answer: what follows the blank line after the headers. */
  public static String body(String answer) {
    int end = answer.indexOf("\r\n\r\n");
    return end < 0 ? "" : new String(answer.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
        StandardCharsets.UTF_8);
  }
}
