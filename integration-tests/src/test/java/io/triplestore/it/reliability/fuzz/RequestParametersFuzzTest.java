package io.triplestore.it.reliability.fuzz;

import java.util.Optional;
import java.util.Map;
import io.triplestore.daemon.http.HttpSettings;
import io.triplestore.daemon.config.Configuration;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.triplestore.daemon.http.ApiServer;
import io.triplestore.it.reliability.Figures;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the daemon's request parameter parsing (ttl, limit, ids, owner, s/p/o terms, mode)
 * through its real HTTP server, in process. The input is one request line,
 * {@code METHOD /path?query} (anything else is taken as a query of {@code GET /triples}), sent on a
 * raw socket. Whatever
 * the parameters, the answer is a 2xx, or a 4xx with a JSON message; never a 5xx; and the triples
 * do not change (no body is sent).
 *
 * <p>Plain {@code mvn test} runs the inputs under {@code RequestParametersFuzzTestInputs/}
 * (regression mode); {@code JAZZER_FUZZ=1} fuzzes (see docs/RELIABILITY.md).
 */
class RequestParametersFuzzTest {

  private static final Set<String> METHODS = Set.of("GET", "POST", "DELETE");
  private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 404, 405, 410, 413, 414, 415, 429, 431);
  /** Held by no thread (the fuzzing thread is not the one that ran @BeforeAll): only its TTL ends it. */
  private static final LeaseOptions LIVE_LEASE = LeaseOptions.builder().noOwner().label("fuzz").ttl(Duration.ofHours(1))
      .build();
  private static final Figures FIGURES = Figures.of("fuzz target: HTTP request parameters");
  private static final AtomicLong INPUTS = new AtomicLong();
  private static final AtomicLong REJECTED = new AtomicLong();
  private static TripleStore store;
  private static long liveLease;
  private static ApiServer server;
  private static long triples;

  @BeforeAll
  static void startServer() throws Exception {
    store = TripleStore.open(Files.createTempDirectory("fuzz-params").resolve("db"), StoreOptions.builder()
        .registry(registry -> registry.maxLeases(50).maxTtl(Duration.ofHours(1))).build());
    store.add(Triple.of(Iri.of("http://it.example/s"), Iri.of("http://it.example/p"), Literal.of("o")));
    store.add(Triple.of(Iri.of("http://it.example/s"), Iri.of("http://it.example/p"), Iri.of("http://it.example/o")));
    liveLease = store.registry().create(LIVE_LEASE).id(); // lease 1: ids in the corpus hit it
    server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
        "http.max-batch-triples", "1000", "http.max-threads", "8", "shutdown.timeout", "5s"), Map.of(),
        Optional.empty())));
    triples = store.size();
  }

  @AfterAll
  static void stopServer() throws Exception {
    FIGURES.put("operations", INPUTS.get()).put("badInputsTried", REJECTED.get()).put("losses", 0).print();
    server.close();
    store.close();
  }

  @FuzzTest(maxDuration = "2m")
  void parametersGetA2xxOrAClear4xxAndChangeNothing(byte[] input) throws Exception {
    String line = new String(input, StandardCharsets.ISO_8859_1);
    int space = line.indexOf(' ');
    String method = space > 0 && METHODS.contains(line.substring(0, space)) ? line.substring(0, space) : "GET";
    String target = method.equals("GET") && !line.startsWith("GET ") ? "/triples?" + line : line.substring(space + 1);
    if (!target.startsWith("/")) {
      target = "/" + target;
    }
    int leasesBefore = store.registry().count();
    INPUTS.incrementAndGet();

    Reply reply;
    // Jazzer's server-side request forgery detector flags every connection not allowed for the
    // run in progress; this target talks to its own server only.
    int port = server.address().getPort();
    try (SilentCloseable allowed = BugDetectors.allowNetworkConnections((host, connectPort) -> connectPort == port)) {
      reply = send(method, escape(target));
    }

    if (reply.status() == 201) {
      store.registry().release(reply.json().get("id").asLong());
    } else if (reply.status() >= 300) {
      REJECTED.incrementAndGet();
      assertThat(reply.status()).as("status of %s %s: %s", method, target, reply.body()).isIn(CLIENT_ERRORS);
      assertThat(reply.json().path("message").asText()).as(reply.body()).isNotBlank();
    }
    assertThat(store.size()).isEqualTo(triples);
    if (!(method.equals("DELETE") || target.contains("renew"))) {
      assertThat(store.registry().count()).isEqualTo(leasesBefore);
    }
    if (store.registry().find(liveLease).isEmpty()) {
      liveLease = store.registry().create(LIVE_LEASE).id(); // a fuzzed DELETE took it: one live lease again
    }
  }

  /**
   * One request on its own connection ({@code Connection: close}), so that no keep-alive race of a
   * pooled client can pass for a finding; an empty answer (the server hung up) is a finding.
   */
  private static Reply send(String method, String target) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.address().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
          + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).as("answer to %s %s", method, target).startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(answer.substring(9, 12));
      int headersEnd = answer.indexOf("\r\n\r\n");
      return new Reply(status, headersEnd < 0 ? "" : answer.substring(headersEnd + 4));
    }
  }

  /** Makes any text a valid URI reference, keeping well-formed escapes, so the server's parsing is what is fuzzed. */
  static String escape(String target) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < target.length(); i++) {
      char c = target.charAt(i);
      boolean wellFormedEscape = c == '%' && isHex(target, i + 1) && isHex(target, i + 2);
      if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}#".indexOf(c) < 0 && (c != '%' || wellFormedEscape)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", (int) c & 0xff));
      }
    }
    return out.toString();
  }

  private static boolean isHex(String text, int index) {
    return index < text.length() && Character.digit(text.charAt(index), 16) >= 0;
  }
}
