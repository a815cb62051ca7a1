package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The HTTP API as a hostile web page would use it, on the daemon's defaults: through DNS
 * rebinding (a foreign {@code Host}) and as a cross-site write (a foreign {@code Origin}). Each is
 * refused with a status and a message that names the header, and nothing changes: the triples,
 * the leases and their deadlines are what they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteHttpTest {

  private static final String LINE = "<http://it.example/csrf> <http://it.example/p> \"planted\" .\n";
  private static final String KEPT = "<http://it.example/s> <http://it.example/p> \"kept\" .\n";

  private final Figures figures = Figures.of("cross-site HTTP");
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private int refused;
  private DaemonProcess daemon;
  private ApiClient api;
  private long lease;

  @BeforeAll
  void startDaemon() throws Exception {
    daemon = DaemonProcess.in(Files.createTempDirectory("cross-site")).start();
    api = new ApiClient(daemon.http());
    assertThat(api.addTriples(KEPT).status()).isEqualTo(200);
    lease = api.createLease("30m", "cross-site");
  }

  @AfterAll
  void stopDaemon() {
    figures.put("badInputsTried", refused).put("losses", 0).print();
    daemon.close();
  }

  @Test
  void aForeignHostIsRefusedBeforeAnythingIsDone() throws Exception {
    String before = state();
    int port = daemon.http().getPort();
    for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port)) {
      for (String request : List.of("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n",
          "POST /triples HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/n-triples\r\nContent-Length: "
              + LINE.length() + "\r\nConnection: close\r\n\r\n" + LINE,
          "POST /snapshots HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
        String answer = RawHttp.exchange(daemon.http(), request);
        assertThat(RawHttp.status(answer)).as(answer).isEqualTo(421);
        assertThat(RawHttp.body(answer)).as(answer).contains("Host").contains("http.allowed-hosts");
        refused++;
      }
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void loopbackNamesAndTheBoundAddressAreAccepted() throws Exception {
    int port = daemon.http().getPort();
    for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "LOCALHOST:" + port)) {
      String answer = RawHttp.exchange(daemon.http(), "GET /health HTTP/1.1\r\nHost: " + host
          + "\r\nConnection: close\r\n\r\n");
      assertThat(RawHttp.status(answer)).as(answer).isEqualTo(200);
    }
  }

  @Test
  void aWriteFromAForeignOriginIsRefused() throws Exception {
    String before = state();
    for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1")) {
      List<HttpResponse<String>> answers = List.of(
          send("POST", "/triples", origin, LINE),
          send("DELETE", "/triples", origin, KEPT),
          send("POST", "/snapshots?ttl=1h&owner=planted", origin, null),
          send("POST", "/snapshots/" + lease + "/renew?ttl=1h", origin, null),
          send("DELETE", "/snapshots/" + lease, origin, null));
      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).as("%s %s", answer.request().method(), answer.body()).isEqualTo(403);
        assertThat(answer.body()).contains("Origin").contains("http.allowed-origins");
        assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        refused++;
      }
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void aWriteFromTheDaemonsOwnOriginIsAccepted() throws Exception {
    String own = "http://127.0.0.1:" + daemon.http().getPort();
    HttpResponse<String> renewed = send("POST", "/snapshots/" + lease + "/renew?ttl=30m", own, null);
    assertThat(renewed.statusCode()).as(renewed.body()).isEqualTo(200);
  }

  private HttpResponse<String> send(String method, String path, String origin, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(daemon.http() + path.substring(1)))
        .timeout(Duration.ofSeconds(30)).header("Origin", origin)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", ApiClient.N_TRIPLES);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The triples and the leases with their TTLs. */
  private String state() throws Exception {
    return api.export() + " " + api.get("/snapshots").json().get("leases").findValues("ttlMillis")
        + api.get("/snapshots").json().get("leases").findValues("owner");
  }
}
