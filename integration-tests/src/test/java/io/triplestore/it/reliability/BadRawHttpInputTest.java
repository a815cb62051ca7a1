package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.RawHttp;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad HTTP that no well-behaved client library sends, written on a raw socket: truncated bodies
 * and headers, malformed request lines, lengths and chunks. Each is answered with a 4xx or the
 * connection is closed, never a 2xx or a 5xx, and the store does not change.
 */
class BadRawHttpInputTest {

  private static final String LINE = "<http://it.example/raw> <http://it.example/p> \"value\" .\n";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final Figures FIGURES = Figures.of("bad input catalogue (raw HTTP)");
  private static DaemonProcess daemon;
  private static ApiClient api;

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = DaemonProcess.in(Files.createTempDirectory("bad-raw-http")).start();
    api = new ApiClient(daemon.http());
    assertThat(api.addTriples("<http://it.example/s> <http://it.example/p> \"kept\" .\n").status()).isEqualTo(200);
  }

  @AfterAll
  static void stopDaemon() {
    FIGURES.put("badInputsTried", TRIED.get())
        .put("operations", TRIED.get() * 3).put("losses", 0).print();
    daemon.close();
  }

  static Stream<Arguments> rawRequests() {
    String body = LINE.repeat(3);
    return Stream.of(
        row("body shorter than its Content-Length",
            "POST /triples HTTP/1.1\r\nHost: x\r\nContent-Type: application/n-triples\r\nContent-Length: 1000\r\n\r\n"
                + body),
        row("body cut in the middle of a line",
            "POST /triples HTTP/1.1\r\nHost: x\r\nContent-Type: application/n-triples\r\nContent-Length: "
                + (body.length() + 40) + "\r\n\r\n" + body + "<http://it.example/cut> <http://it"),
        row("headers cut off", "POST /triples HTTP/1.1\r\nHost: x\r\nContent-Le"),
        row("request line only, no end of headers", "POST /triples HTTP/1.1\r\n"),
        row("garbage request line", "HELLO THERE\r\n\r\n"),
        row("malformed percent-escape in the query", "GET /triples?s=%zz HTTP/1.1\r\nHost: x\r\n\r\n"),
        row("query that is not UTF-8", "GET /triples?s=%C3%28 HTTP/1.1\r\nHost: x\r\n\r\n"),
        row("unsupported HTTP version", "GET /health HTTP/7.0\r\nHost: x\r\n\r\n"),
        row("negative Content-Length",
            "POST /triples HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n" + body),
        row("two different Content-Lengths",
            "POST /triples HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\nContent-Length: 20\r\n\r\n" + body),
        row("bad chunk size",
            "POST /triples HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + body + "\r\n0\r\n\r\n"),
        row("chunked body cut before the last chunk",
            "POST /triples HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n"),
        row("header of 64 KB",
            "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 << 10) + "\r\n\r\n"),
        row("request URI of 64 KB", "GET /triples?s=" + "a".repeat(64 << 10) + " HTTP/1.1\r\nHost: x\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rawRequests")
  void malformedHttpGetsA4xxOrACloseAndChangesNothing(String request) throws Exception {
    List<String> before = api.export();

    String answer = RawHttp.exchange(daemon.http(), request.replace("Host: x", "Host: 127.0.0.1:" + daemon.http().getPort()));
    TRIED.incrementAndGet();

    if (!answer.isEmpty()) {
      // 4xx, or 505 for a version the server does not speak: the client's fault, said so.
      assertThat(answer).as("answer").matches("(?s)HTTP/1\\.1 (4\\d\\d|505) .*");
    }
    assertThat(api.export()).as("the store after: %s", answer.lines().findFirst().orElse("(closed)"))
        .isEqualTo(before);
    assertThat(api.get("/health").status()).isEqualTo(200);
  }

  private static Arguments row(String name, String request) {
    return Arguments.of(Named.of(name, request));
  }
}
