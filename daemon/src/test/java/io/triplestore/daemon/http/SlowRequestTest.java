package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twice as many clients as request threads, each sending its body a byte every 200 ms: each is
 * cut with 408 once its rate counts (after a second), so /health answers and every slow
 * connection is closed by the server.
 */
class SlowRequestTest {

  private static final int THREADS = 4;

  @TempDir Path dir;
  /** What each slow client got before the server closed its connection. */
  private final Map<Socket, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
  /**
   * What each slow client has read so far: a poll's 1 ms read timeout can fall in the middle of
   * the answer, so the bytes read before it are kept for the next poll (a fresh buffer per poll
   * lost them, and the next poll saw the answer from its middle).
   */
  private final Map<Socket, StringBuilder> partial = new java.util.concurrent.ConcurrentHashMap<>();

  @Test
  void slowBodiesAreCutAndHealthStillAnswers() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (TripleStore store = TripleStore.open(dir)) {
      ApiServer server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
          "http.max-threads", String.valueOf(THREADS), "http.min-request-data-rate", "1024"), Map.of(),
          Optional.empty())));
      try {
        int port = server.address().getPort();
        for (int i = 0; i < 2 * THREADS; i++) {
          Socket socket = new Socket("127.0.0.1", port);
          socket.getOutputStream().write(("POST /triples HTTP/1.1\r\nHost: 127.0.0.1:" + port
              + "\r\nContent-Type: application/n-triples\r\nContent-Length: 10000\r\n\r\n<")
              .getBytes(StandardCharsets.US_ASCII));
          slow.add(socket);
        }
        // The clients' own pace, not a wait of the test.
        trickle.scheduleAtFixedRate(() -> slow.forEach(SlowRequestTest::oneByte), 200, 200, TimeUnit.MILLISECONDS);
        HttpClient client = HttpClient.newHttpClient();

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.stream().allMatch(this::answeredAndClosed));
        assertThat(answers.values()).hasSize(2 * THREADS).allSatisfy(answer -> assertThat(answer)
            .startsWith("HTTP/1.1 408").contains("http.min-request-data-rate"));
      } finally {
        server.close();
      }
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  private static void oneByte(Socket socket) {
    try {
      socket.getOutputStream().write('a');
    } catch (IOException closed) {
      // cut by the server
    }
  }

  private boolean answeredAndClosed(Socket socket) {
    if (answers.containsKey(socket)) {
      return true;
    }
    try {
      socket.setSoTimeout(1);
      InputStream in = socket.getInputStream();
      StringBuilder answer = partial.computeIfAbsent(socket, s -> new StringBuilder());
      for (int b = in.read(); b >= 0; b = in.read()) {
        answer.append((char) b);
      }
      answers.put(socket, answer.toString());
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      answers.put(socket, partial.getOrDefault(socket, new StringBuilder()) + "(reset)");
      return true;
    }
  }
}
