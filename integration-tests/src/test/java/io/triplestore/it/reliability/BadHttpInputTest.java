package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The HTTP part of the bad input catalogue: each row is one bad request, the status it must get,
 * and a fragment its error message must contain; the store's export and the live leases are
 * compared before and after every row. Raw-socket rows (truncated and malformed HTTP) are in
 * {@link BadRawHttpInputTest}.
 */
class BadHttpInputTest {

  private static final String GOOD = "<http://it.example/s> <http://it.example/p> \"kept\" .\n";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final Figures FIGURES = Figures.of("bad input catalogue (HTTP)");
  private static DaemonProcess daemon;
  private static ApiClient api;
  private static long liveLease;

  @BeforeAll
  static void startDaemonWithSomeData() throws Exception {
    Path workDir = Files.createTempDirectory("bad-http");
    daemon = DaemonProcess.in(workDir).flag("http.max-batch-triples", "1000").flag("snapshot.max-ttl", "1h").start();
    api = new ApiClient(daemon.http());
    assertThat(api.addTriples(GOOD + "<http://it.example/s> <http://it.example/p> <http://it.example/o> .\n").status())
        .isEqualTo(200);
    liveLease = api.createLease("30m", "catalogue");
  }

  @AfterAll
  static void stopDaemon() {
    FIGURES.put("badInputsTried", TRIED.get())
        .put("operations", TRIED.get() * 4).put("losses", 0).print();
    daemon.close();
  }

  /** One bad request: method, path with query, content type (null: none), body (null: none). */
  record Request(String method, String path, String contentType, String body) {}

  static Stream<Arguments> badRequests() {
    String many = manyTriples(1001);
    String huge = "<http://it.example/s> <http://it.example/p> \"" + "x".repeat(4 << 20) + "\n";
    return Stream.of(
        row("N-Triples without the final dot", post("<http://a> <http://b> <http://c>\n"), 400, "line"),
        row("last line without its dot, at the end of the body", post("<http://a> <http://b> <http://c>"), 400,
            "line 1,"),
        row("N-Triples with a literal subject", post("\"x\" <http://b> <http://c> .\n"), 400, "line"),
        row("N-Triples with an unterminated IRI", post("<http://a <http://b> <http://c> .\n"), 400, "line"),
        row("N-Triples with a bad escape", post("<http://a> <http://b> \"\\q\" .\n"), 400, "line"),
        row("N-Triples: a good line, then a bad one", post(GOOD.replace("kept", "new") + "<x> .\n"), 400,
            "nothing was added"),
        row("N-Triples with a relative IRI", post("<a> <http://b> <http://c> .\n"), 400, "line"),
        row("N-Triples with a blank-node predicate", post("<http://a> _:b <http://c> .\n"), 400, "line"),
        row("binary garbage as N-Triples", post("\u0000\u0001\u0002garbage\uFFFF\n"), 400, "line"),
        // Longer than http.max-line-bytes (1 MiB): refused as it streams in, before it is parsed.
        row("4 MB literal without its closing quote", post(huge), 413, "http.max-line-bytes"),
        row("2 MB line on remove", new Request("DELETE", "/triples", ApiClient.N_TRIPLES, huge.substring(0, 2 << 20)),
            413, "http.max-line-bytes"),
        row("2 MB line on a bulk add", new Request("POST", "/triples?mode=bulk", ApiClient.N_TRIPLES,
            huge.substring(0, 2 << 20)), 413, "http.max-line-bytes"),
        row("literal above store.max-term-bytes (64 KiB)", post("<http://it.example/s> <http://it.example/p> \""
            + "y".repeat((64 << 10) + 1) + "\" .\n"), 413, "store.max-term-bytes"),
        row("IRI above store.max-term-bytes (64 KiB)", post("<http://it.example/" + "i".repeat(64 << 10)
            + "> <http://it.example/p> \"x\" .\n"), 413, "store.max-term-bytes"),
        row("language tag ending in a dash", post("<http://a> <http://b> \"x\"@en- .\n"), 400, "language tag"),
        row("rdf:langString without a language", post("<http://a> <http://b> \"1\"^^"
            + "<http://www.w3.org/1999/02/22-rdf-syntax-ns#langString> .\n"), 400, "langString"),
        row("lone surrogate in a literal", post("<http://a> <http://b> \"a\\uD800b\" .\n"), 400, "surrogate"),
        row("lone low surrogate in an IRI", post("<http://a/\\uDC00> <http://b> \"x\" .\n"), 400, "U+DC00"),
        row("lone surrogate on remove", new Request("DELETE", "/triples", ApiClient.N_TRIPLES,
            "<http://a> <http://b> \"a\\uD800b\" .\n"), 400, "surrogate"),
        row("lone surrogate in ?o=", get("/triples?o=%22a%5CuD800b%22"), 400, "surrogate"),
        row("more triples than http.max-batch-triples", post(many), 413, "mode=bulk"),
        row("body as JSON", new Request("POST", "/triples", "application/json", "{\"s\":1}"), 415,
            "application/n-triples"),
        // What a web page can send cross-site without a CORS preflight: text/plain, a form, multipart.
        row("N-Triples sent as text/plain", new Request("POST", "/triples", "text/plain", GOOD.replace("kept", "t")),
            415, "application/n-triples"),
        row("N-Triples sent as a form", new Request("POST", "/triples", "application/x-www-form-urlencoded",
            GOOD.replace("kept", "f")), 415, "application/n-triples"),
        row("N-Triples sent as multipart", new Request("POST", "/triples?mode=bulk", "multipart/form-data; boundary=b",
            GOOD.replace("kept", "m")), 415, "application/n-triples"),
        row("remove sent as text/plain", new Request("DELETE", "/triples", "text/plain; charset=utf-8", GOOD), 415,
            "application/n-triples"),
        row("add without a Content-Type", new Request("POST", "/triples", null, GOOD.replace("kept", "n")), 415,
            "Content-Type"),
        // Every RDF format is read now: a body that does not parse as what it says it is is a 400.
        row("Turtle without an object", new Request("POST", "/triples", "text/turtle", "<http://a> <http://b> .\n"), 400,
            "malformed Turtle at line 1"),
        row("JSON-LD that is not JSON", new Request("POST", "/triples", "application/ld+json", "{\"@id\": "), 400,
            "malformed JSON-LD"),
        row("RDF/XML that is not XML", new Request("DELETE", "/triples", "application/rdf+xml", "<rdf:RDF"), 400,
            "nothing was removed"),
        row("unknown mode", new Request("POST", "/triples?mode=fast", ApiClient.N_TRIPLES, GOOD), 400, "mode"),
        row("unknown parameter on add", new Request("POST", "/triples?graph=x", ApiClient.N_TRIPLES, GOOD), 400,
            "graph"),
        row("malformed N-Triples on remove", new Request("DELETE", "/triples", ApiClient.N_TRIPLES, GOOD + "<x"),
            400, "nothing was removed"),
        row("remove with JSON", new Request("DELETE", "/triples", "application/json", "[]"), 415,
            "application/n-triples"),
        row("subject that is not a term", get("/triples?s=notaterm"), 400, "'s'"),
        row("object with an unterminated literal", get("/triples?o=%22open"), 400, "'o'"),
        row("negative limit", get("/triples?limit=-1"), 400, "'limit'"),
        row("limit that is not a number", get("/triples?limit=ten"), 400, "'limit'"),
        row("limit beyond a long", get("/triples?limit=99999999999999999999"), 400, "'limit'"),
        row("snapshot id that is not a number", get("/triples?snapshot=abc"), 400, "'snapshot'"),
        row("snapshot id that was never issued", get("/triples?snapshot=987654"), 404, "987654"),
        row("repeated parameter", get("/triples?s=%3Chttp://a%3E&s=%3Chttp://b%3E"), 400, "more than once"),
        row("TTL that is not a duration", post("/snapshots?ttl=forever"), 400, "'ttl'"),
        row("negative TTL", post("/snapshots?ttl=-5s"), 400, "'ttl'"),
        row("zero TTL", post("/snapshots?ttl=0"), 400, "'ttl'"),
        row("TTL above snapshot.max-ttl", post("/snapshots?ttl=PT1000H"), 400, "'ttl'"),
        row("TTL with an unknown unit", post("/snapshots?ttl=5fortnights"), 400, "'ttl'"),
        row("blank owner", post("/snapshots?owner=%20%20"), 400, "'owner'"),
        row("owner of 201 characters", post("/snapshots?owner=" + "o".repeat(201)), 400, "'owner'"),
        row("owner with a control character", post("/snapshots?owner=a%0Ab"), 400, "'owner'"),
        row("owner with a line separator (U+2028)", post("/snapshots?owner=a%E2%80%A8b"), 400, "U+2028"),
        row("owner with a right-to-left override (U+202E)", post("/snapshots?owner=a%E2%80%AEb"), 400, "U+202E"),
        // Not UTF-8 (an encoded surrogate): Jetty refuses the query before the owner is looked at.
        row("owner with an encoded surrogate", post("/snapshots?owner=a%ED%A0%80b"), 400, "malformed query string"),
        row("lease list limit 0", get("/snapshots?limit=0"), 400, "'limit'"),
        row("lease id that is not a number", get("/snapshots/abc"), 404, "no such resource"),
        row("lease id of 20 digits", get("/snapshots/12345678901234567890"), 404, "no such resource"),
        row("unknown lease", get("/snapshots/987654"), 404, "987654"),
        row("release of an unknown lease", new Request("DELETE", "/snapshots/987654", null, null), 404, "987654"),
        row("renew of an unknown lease", post("/snapshots/987654/renew?ttl=1m"), 404, "987654"),
        row("renew with a bad TTL", post("/snapshots/LIVE/renew?ttl=soon"), 400, "'ttl'"),
        row("renew above snapshot.max-ttl", post("/snapshots/LIVE/renew?ttl=2h"), 400, "'ttl'"),
        row("unknown path", get("/graphql"), 404, "no such resource"),
        row("PUT on /triples", new Request("PUT", "/triples", ApiClient.N_TRIPLES, GOOD), 405, "allowed"),
        row("PATCH on /snapshots", new Request("PATCH", "/snapshots", null, null), 405, "allowed"),
        row("DELETE on /health", new Request("DELETE", "/health", null, null), 405, "allowed"),
        row("parameter on /health", get("/health?verbose=1"), 400, "verbose"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badRequestGetsAClearErrorAndChangesNothing(Request request, int status, String messageFragment)
      throws Exception {
    List<String> before = api.export();
    String leasesBefore = api.get("/snapshots").json().get("leases").findValues("id").toString();

    Reply reply = api.send(request.method(), request.path().replace("LIVE", String.valueOf(liveLease)),
        request.contentType(), request.body());
    TRIED.incrementAndGet();

    assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
    assertThat(reply.json().path("message").asText()).as("message of %s", reply).contains(messageFragment);
    assertThat(api.export()).as("the store after the bad request").isEqualTo(before);
    assertThat(api.get("/snapshots").json().get("leases").findValues("id").toString()).isEqualTo(leasesBefore);
  }

  @Test
  void aLineOf64MegabytesWithoutANewlineIsRefusedAsItStreams() throws Exception {
    List<String> before = api.export();
    long length = 64L << 20;
    String head = "POST /triples HTTP/1.1\r\nHost: 127.0.0.1:" + daemon.http().getPort()
        + "\r\nContent-Type: application/n-triples\r\nContent-Length: " + length + "\r\n\r\n"
        + "<http://it.example/s> <http://it.example/p> \"";
    String answer;
    try (Socket socket = new Socket(daemon.http().getHost(), daemon.http().getPort())) {
      socket.setSoTimeout(120_000);
      // The body goes out from another thread while this one reads: the server answers (and may
      // close) long before the 64 MB are sent, and a failed write is then expected.
      Thread writer = new Thread(() -> writeLongLine(socket, head, length), "64MB-line");
      writer.start();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      try {
        socket.getInputStream().transferTo(received);
      } catch (java.net.SocketException reset) {
        // reset after the answer: what arrived is judged below
      }
      writer.join(120_000);
      answer = received.toString(StandardCharsets.ISO_8859_1);
    }
    TRIED.incrementAndGet();

    assertThat(RawHttp.status(answer)).as(answer).isEqualTo(413);
    assertThat(RawHttp.body(answer)).contains("http.max-line-bytes");
    assertThat(daemon.isAlive()).isTrue();
    assertThat(api.export()).isEqualTo(before);
  }

  private static void writeLongLine(Socket socket, String head, long length) {
    try {
      OutputStream out = socket.getOutputStream();
      byte[] start = head.getBytes(StandardCharsets.US_ASCII);
      out.write(start);
      byte[] chunk = "xy".repeat(32 << 10).getBytes(StandardCharsets.US_ASCII);
      long bodySent = start.length - head.indexOf("\r\n\r\n") - 4;
      while (bodySent < length) {
        int next = (int) Math.min(chunk.length, length - bodySent);
        out.write(chunk, 0, next);
        bodySent += next;
      }
      out.flush();
    } catch (IOException closedByTheServer) {
      // the refusal came before the end of the body: expected
    }
  }

  @Test
  void anIriWithSupplementaryCharactersIsWrittenBackAsItCame() throws Exception {
    String line = "<http://it.example/emoji/\uD83D\uDE00> <http://it.example/p> \"\uD834\uDD1E\" .";
    assertThat(api.addTriples(line + "\n").status()).isEqualTo(200);
    Reply match = api.get("/triples?s=" + ApiClient.encode("<http://it.example/emoji/\uD83D\uDE00>"));
    assertThat(match.body().strip()).isEqualTo(line);
    assertThat(api.send("DELETE", "/triples", ApiClient.N_TRIPLES, line + "\n").status()).isEqualTo(200);
  }

  private static Arguments row(String name, Request request, int status, String messageFragment) {
    return Arguments.of(Named.of(name, request), status, messageFragment);
  }

  private static Request post(String bodyOrPath) {
    return bodyOrPath.startsWith("/") ? new Request("POST", bodyOrPath, null, null)
        : new Request("POST", "/triples", ApiClient.N_TRIPLES, bodyOrPath);
  }

  private static Request get(String path) {
    return new Request("GET", path, null, null);
  }

  private static String manyTriples(int count) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < count; i++) {
      body.append("<http://it.example/many/").append(i).append("> <http://it.example/p> \"").append(i).append("\" .\n");
    }
    return body.toString();
  }
}
