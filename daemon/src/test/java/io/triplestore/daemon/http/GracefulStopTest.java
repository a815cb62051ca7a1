package io.triplestore.daemon.http;

import java.util.Optional;
import java.util.Map;
import io.triplestore.daemon.config.Configuration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.store.TripleStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop lets a request in flight finish, and takes no new connection meanwhile. */
class GracefulStopTest {

  static final String LINE_1 = "<http://ex/a> <http://ex/p> \"1\" .\n";
  static final String LINE_2 = "<http://ex/a> <http://ex/p> \"2\" .\n";

  @TempDir
  Path dir;

  @Test
  void aStopWaitsForTheUploadInFlightThenStopsAccepting() throws Exception {
    try (TripleStore store = TripleStore.open(dir)) {
      ApiServer server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
          "http.max-batch-triples", "100", "http.max-threads", "8", "shutdown.timeout", "20s"), Map.of(),
          Optional.empty())));
      int port = server.address().getPort();
      try (Socket client = new Socket("127.0.0.1", port)) {
        OutputStream out = client.getOutputStream();
        byte[] body = (LINE_1 + LINE_2).getBytes(StandardCharsets.UTF_8);
        out.write(("POST /triples HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/n-triples\r\n"
            + "Content-Length: " + body.length + "\r\n\r\n" + LINE_1).getBytes(StandardCharsets.UTF_8));
        out.flush();
        // The handler is now parsing the body (it waits for the second line).
        await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsInFlight() == 1);

        CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> !canConnect(port));
        assertThat(stop).isNotDone();

        out.write(LINE_2.getBytes(StandardCharsets.UTF_8));
        out.flush();
        BufferedReader reply = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        assertThat(reply.readLine()).isEqualTo("HTTP/1.1 200 OK");
        stop.get();
        assertThat(store.size()).isEqualTo(2);
      }
    }
  }

  private static boolean canConnect(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return socket.isConnected();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
