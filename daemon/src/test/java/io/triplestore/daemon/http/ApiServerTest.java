package io.triplestore.daemon.http;

import java.util.Optional;
import io.triplestore.daemon.config.Configuration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TriplePattern;
import io.triplestore.store.TripleStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API in-process against a real store: every route, every error shape. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerTest {

  static final int MAX_BATCH = 5;
  static final int BULK_BATCH = 3;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;

  TripleStore store;
  ApiServer server;
  String base;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    store = TripleStore.open(dir.resolve("data"), StoreOptions.builder()
        .maxAtomicImportTriples(MAX_BATCH)
        .bulkBatchTriples(BULK_BATCH)
        // These tests pin the batched bulk path's answers (batches, committed counts); the store's
        // SstBulkLoadTest covers the SST path the daemon gets by default.
        .sstBulkLoad(false)
        .registry(registry -> registry.maxLeases(4).maxTtl(Duration.ofHours(1)))
        .build());
    server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
        "http.max-batch-triples", String.valueOf(MAX_BATCH), "http.max-threads", "8", "shutdown.timeout", "2s"),
        Map.of(), Optional.empty())));
    base = "http://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
    store.close();
  }

  @BeforeEach
  void empty() {
    store.registry().forceReleaseOlderThan(Duration.ZERO);
    store.remove(store.list(TriplePattern.any(), Long.MAX_VALUE));
  }

  @Test
  void healthTellsStatusUptimeAndLeases() throws Exception {
    Map<String, Object> health = json(send("GET", "/health", null), 200);
    assertThat(health).containsEntry("status", "UP").containsKeys("uptimeMillis", "leases", "triples");
  }

  @Test
  void addedTriplesAreMatchedByPattern() throws Exception {
    Map<String, Object> added = json(post("/triples", lines(3)), 200);
    assertThat(added).containsEntry("added", 3).containsEntry("alreadyPresent", 0);
    assertThat(json(post("/triples", lines(1)), 200)).containsEntry("added", 0).containsEntry("alreadyPresent", 1);

    HttpResponse<String> all = send("GET", "/triples", null);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/n-triples"));
    assertThat(all.body()).isEqualTo(lines(3));

    HttpResponse<String> one = send("GET", "/triples?s=" + encode("<http://ex/s1>") + "&limit=5", null);
    assertThat(one.body()).isEqualTo(line(1));
    assertThat(send("GET", "/triples?limit=2", null).body().lines()).hasSize(2);
    assertThat(send("GET", "/triples?o=" + encode("\"value 2\"@en"), null).body()).isEqualTo(line(2));
  }

  @Test
  void aMalformedBodyIs400NamingLineAndChangesNothing() throws Exception {
    String body = line(1) + line(2) + "<http://ex/s3> <http://ex/p> .\n" + line(4);
    Map<String, Object> error = json(post("/triples", body), 400);
    assertThat(error).containsEntry("error", "bad_request").containsEntry("line", 3).containsKey("column");
    assertThat((String) error.get("message")).contains("line 3").contains("nothing was added");
    assertThat(store.size()).isZero();
  }

  @Test
  void moreThanTheBatchLimitIs413NamingBulkModeAndChangesNothing() throws Exception {
    Map<String, Object> error = json(post("/triples", lines(MAX_BATCH + 1)), 413);
    assertThat(error).containsEntry("error", "payload_too_large").containsEntry("limit", MAX_BATCH);
    assertThat((String) error.get("message")).contains("?mode=bulk");
    assertThat(store.size()).isZero();

    store.add(triple(1));
    assertThat(json(send("DELETE", "/triples", lines(MAX_BATCH + 1)), 413)).containsEntry("limit", MAX_BATCH);
    assertThat(store.size()).isOne();
  }

  @Test
  void bulkModeCommitsInBatchesAndOnErrorSaysWhatWasCommitted() throws Exception {
    Map<String, Object> done = json(post("/triples?mode=bulk", lines(MAX_BATCH + 2)), 200);
    assertThat(done).containsEntry("mode", "bulk").containsEntry("added", MAX_BATCH + 2).containsEntry("batches", 3);
    empty();

    String broken = lines(BULK_BATCH * 2) + "<http://ex/broken> .\n" + line(99);
    Map<String, Object> error = json(post("/triples?mode=bulk", broken), 400);
    assertThat(error).containsEntry("committed", BULK_BATCH * 2).containsEntry("line", BULK_BATCH * 2 + 1);
    assertThat(store.size()).isEqualTo(BULK_BATCH * 2);

    Map<String, Object> removed = json(send("DELETE", "/triples?mode=bulk", lines(BULK_BATCH * 2)), 200);
    assertThat(removed).containsEntry("removed", BULK_BATCH * 2).containsEntry("batches", 2);

    store.add(triple(1));
    Map<String, Object> partly = json(send("DELETE", "/triples?mode=bulk", lines(BULK_BATCH) + "oops\n"), 400);
    assertThat(partly).containsEntry("committed", BULK_BATCH).containsEntry("line", BULK_BATCH + 1);
    assertThat(store.size()).isZero();
  }

  @Test
  void bulkProgressStreamsAsJsonLinesWhenAsked() throws Exception {
    HttpResponse<String> done = client.send(HttpRequest.newBuilder(URI.create(base + "/triples?mode=bulk"))
        .header("Content-Type", "application/n-triples").header("Accept", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(lines(7))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.headers().firstValue("Content-Type")).contains("application/x-ndjson");
    java.util.List<String> progress = done.body().lines().collect(Collectors.toList());
    assertThat(progress.subList(0, 2)).containsExactly("{\"committed\":3}", "{\"committed\":6}");
    assertThat(parse(progress.get(progress.size() - 1))).containsEntry("done", true)
        .containsEntry("added", 7);

    HttpResponse<String> failed = client.send(HttpRequest.newBuilder(URI.create(base + "/triples?mode=bulk"))
        .header("Content-Type", "application/n-triples").header("Accept", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(lines(4) + "broken\n")).build(), HttpResponse.BodyHandlers.ofString());
    java.util.List<String> failure = failed.body().lines().collect(Collectors.toList());
    assertThat(failure.get(0)).isEqualTo("{\"committed\":3}");
    assertThat(parse(failure.get(failure.size() - 1))).containsEntry("error", "bad_request")
        .containsEntry("committed", 3).containsEntry("line", 5);
  }

  @Test
  void deleteRemovesAtomicallyAndCountsTheAbsent() throws Exception {
    store.add(triple(1));
    store.add(triple(2));
    Map<String, Object> removed = json(send("DELETE", "/triples", line(1) + line(3)), 200);
    assertThat(removed).containsEntry("removed", 1).containsEntry("absent", 1);
    assertThat(store.contains(triple(2))).isTrue();

    Map<String, Object> error = json(send("DELETE", "/triples", line(2) + "garbage\n"), 400);
    assertThat(error).containsEntry("line", 2);
    assertThat((String) error.get("message")).contains("nothing was removed");
    assertThat(store.contains(triple(2))).isTrue();
  }

  @Test
  void aBodyThatIsNotNTriplesIs415() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/triples"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(json(response, 415)).containsEntry("error", "unsupported_media_type");
  }

  @Test
  void aLeaseReadsTheStoreAsItWasWhileWritesGoOn() throws Exception {
    store.add(triple(1));
    HttpResponse<String> created = post("/snapshots?ttl=PT1M&owner=reporting", "");
    Map<String, Object> lease = json(created, 201);
    long id = ((Number) lease.get("id")).longValue();
    assertThat(lease).containsEntry("owner", "reporting").containsEntry("ttlMillis", 60_000).containsKey("expiresAt");
    assertThat(created.headers().firstValue("Location")).contains("/snapshots/" + id);

    store.add(triple(2));
    assertThat(send("GET", "/triples?snapshot=" + id, null).body()).isEqualTo(line(1));
    assertThat(send("GET", "/triples", null).body()).isEqualTo(line(1) + line(2));

    Map<String, Object> renewed = json(post("/snapshots/" + id + "/renew?ttl=120000", ""), 200);
    assertThat(renewed).containsEntry("ttlMillis", 120_000);
    assertThat(json(send("GET", "/snapshots", null), 200)).containsEntry("count", 1);

    assertThat(send("DELETE", "/snapshots/" + id, null).statusCode()).isEqualTo(204);
    Map<String, Object> gone = json(send("GET", "/triples?snapshot=" + id, null), 410);
    assertThat(gone).containsEntry("error", "gone").containsEntry("reason", "MANUAL");
    assertThat(json(send("DELETE", "/snapshots/" + id, null), 410)).containsEntry("reason", "MANUAL");
  }

  @Test
  void aForceReleasedLeaseAnswers410WithForced() throws Exception {
    long id = ((Number) json(post("/snapshots", ""), 201).get("id")).longValue();
    store.registry().forceRelease(id);
    assertThat(json(send("GET", "/snapshots/" + id, null), 410)).containsEntry("reason", "FORCED");
    assertThat(json(post("/snapshots/" + id + "/renew", ""), 410)).containsEntry("reason", "FORCED");
  }

  @Test
  void unknownLeasesAre404() throws Exception {
    assertThat(json(send("GET", "/snapshots/999999", null), 404)).containsEntry("error", "not_found");
    assertThat(json(send("GET", "/triples?snapshot=999999", null), 404)).containsEntry("error", "not_found");
    assertThat(json(send("DELETE", "/snapshots/999999", null), 404)).containsEntry("error", "not_found");
  }

  @Test
  void tooManyLeasesIs429() throws Exception {
    for (int i = 0; i < 4; i++) {
      json(post("/snapshots", ""), 201);
    }
    assertThat(json(post("/snapshots", ""), 429)).containsEntry("error", "too_many_leases").containsEntry("limit", 4);
  }

  @Test
  void badParametersAre400NamingThem() throws Exception {
    assertThat(message(post("/snapshots?ttl=soon", ""), 400)).contains("'ttl'").contains("soon");
    assertThat(message(post("/snapshots?ttl=PT2H", ""), 400)).contains("'ttl'").contains("max TTL");
    assertThat(message(send("GET", "/triples?s=not-a-term", null), 400)).contains("'s'");
    assertThat(message(send("GET", "/triples?limit=-1", null), 400)).contains("'limit'");
    assertThat(message(send("GET", "/triples?subject=x", null), 400)).contains("unknown query parameter 'subject'");
    assertThat(message(post("/triples?mode=fast", ""), 400)).contains("'mode'");
    assertThat(message(post("/snapshots?owner=" + encode("a\nb"), ""), 400)).contains("'owner'");
  }

  @Test
  void unknownPathsAre404AndWrongMethods405WithAllow() throws Exception {
    assertThat(json(send("GET", "/nothing", null), 404)).containsEntry("error", "not_found");
    HttpResponse<String> wrong = send("PUT", "/triples", "");
    assertThat(json(wrong, 405)).containsEntry("error", "method_not_allowed");
    assertThat(wrong.headers().firstValue("Allow")).contains("GET, POST, DELETE");
    assertThat(json(send("POST", "/health", ""), 405)).containsEntry("allow", "GET");
  }

  @Test
  void errorsJettyRaisesItselfAreJsonToo() throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.address().getPort())) {
      socket.getOutputStream().write("GET /triples HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(reply).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\":\"bad_request\"");
    }
  }

  static String line(int i) {
    return triple(i).toNTriples() + "\n";
  }

  static Triple triple(int i) {
    return Triple.of(Iri.of("http://ex/s" + i), Iri.of("http://ex/p"), Literal.lang("value " + i, "en"));
  }

  static String lines(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(ApiServerTest::line).collect(Collectors.joining());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return send("POST", path, body);
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/n-triples");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readValue(response.body(), Map.class);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) throws Exception {
    return JSON.readValue(json, Map.class);
  }

  static String message(HttpResponse<String> response, int status) throws Exception {
    return (String) json(response, status).get("message");
  }
}
