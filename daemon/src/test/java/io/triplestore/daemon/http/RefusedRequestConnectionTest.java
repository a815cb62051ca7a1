package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.TripleStore;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write refused for its origin is answered before its body is read, so the server will not keep
 * the connection: the answer must say so ({@code Connection: close}), or a keep-alive client sends
 * its next request into a connection the server is closing and gets no answer at all (seen in
 * {@code CrossSiteHttpTest}: "HTTP/1.1 header parser received no bytes").
 */
class RefusedRequestConnectionTest {

  @TempDir Path dir;

  @Test
  void aWriteRefusedBeforeItsBodyArrivedIsAnsweredWithConnectionClose() throws Exception {
    try (TripleStore store = TripleStore.open(dir)) {
      ApiServer server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0"),
          Map.of(), Optional.empty())));
      try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
        socket.setSoTimeout(20_000);
        int port = server.address().getPort();
        // The headers only: the body would follow, as a client that writes them separately sends it.
        socket.getOutputStream().write(("POST /triples HTTP/1.1\r\nHost: 127.0.0.1:" + port
            + "\r\nOrigin: http://evil.example\r\nContent-Type: application/n-triples\r\nContent-Length: 1000\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();

        String headers = headersOf(socket.getInputStream());

        assertThat(headers).startsWith("HTTP/1.1 403");
        assertThat(headers.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
      } finally {
        server.close();
      }
    }
  }

  private static String headersOf(InputStream in) throws java.io.IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.ISO_8859_1);
  }
}
