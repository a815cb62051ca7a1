package io.triplestore.daemon.jmx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * jolokia.allowed-origins opens Jolokia to a console on another origin, and to nothing else: the
 * configured origin gets its CORS answer, a foreign one and a foreign Referer get 403.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JolokiaOriginsTest extends JolokiaTestSupport {

  private static final String CONSOLE = "http://console.example:8080";
  private static final String READ = "read/io.triplestore:type=JolokiaProbe/Calls";

  EmbeddedJolokia jolokia;

  @BeforeAll
  void start() throws Exception {
    jolokia = EmbeddedJolokia.start(config(Map.of("jolokia.port", "0", "jolokia.allowed-origins", CONSOLE)),
        Optional.empty());
  }

  @AfterAll
  void stop() {
    jolokia.close();
  }

  @Test
  void aConfiguredOriginIsAnsweredWithItsCorsHeader() throws Exception {
    HttpResponse<String> reply = send("GET", READ, Map.of("Origin", CONSOLE));
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).contains(CONSOLE);
    HttpResponse<String> preflight = send("OPTIONS", "", Map.of("Origin", CONSOLE,
        "Access-Control-Request-Method", "POST"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(CONSOLE);
  }

  @Test
  void aForeignOriginOrRefererIsRefusedWithoutACorsHeader() throws Exception {
    for (Map<String, String> headers : java.util.List.of(Map.of("Origin", "https://evil.example"),
        Map.of("Referer", "https://evil.example/page.html"), Map.of("Origin", "null"))) {
      HttpResponse<String> reply = send("GET", READ, headers);
      assertThat(reply.statusCode()).as("%s: %s", headers, reply.body()).isEqualTo(403);
      assertThat(reply.body()).contains("jolokia.allowed-origins");
      assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void jsonpIsRefusedHoweverTheParameterIsSpelled() throws Exception {
    for (String query : java.util.List.of("?callback=f", "?c%61llback=f", "?mimeType=text/javascript&callback=f")) {
      HttpResponse<String> reply = send("GET", READ + query, Map.of());
      assertThat(reply.statusCode()).as(query).isEqualTo(400);
      assertThat(reply.body()).doesNotContain("f(");
    }
  }

  @Test
  void aForeignHostIsRefused() throws Exception {
    // HttpClient will not send another Host; a raw request does.
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", jolokia.address().getPort())) {
      socket.getOutputStream().write(("GET /jolokia/" + READ + " HTTP/1.1\r\nHost: evil.example:"
          + jolokia.address().getPort() + "\r\nConnection: close\r\n\r\n").getBytes(
              java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 421").contains("http.allowed-hosts");
    }
  }

  private HttpResponse<String> send(String method, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jolokia.url() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
