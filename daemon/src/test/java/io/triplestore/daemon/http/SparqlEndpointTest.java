package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /sparql} and {@code /update} in-process against a real store: negotiation, every kind of
 * bad input, atomic updates, and the lease of every request (described, released at the end,
 * releasable mid-query).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlEndpointTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String EX = "http://example.org/";
  static final String SELECT_NAMES = "SELECT ?s ?name { ?s <" + EX + "name> ?name } ORDER BY ?name";
  /** A cross product sorted: it reads for a long time before its first row. */
  static final String LONG_QUERY = "SELECT ?a ?b { ?a <" + EX + "n> ?x . ?b <" + EX + "n> ?y } ORDER BY ?x ?y LIMIT 1";

  @TempDir
  static Path dir;

  TripleStore store;
  ApiServer server;
  String base;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    store = TripleStore.open(dir.resolve("data"), StoreOptions.builder()
        .registry(registry -> registry.maxTtl(Duration.ofHours(1)))
        .build());
    Configuration config = Configuration.resolve(Map.of("http.port", "0", "shutdown.timeout", "2s",
        "sparql.max-request-bytes", "2000", "sparql.max-query-timeout", "10m"), Map.of(), Optional.empty());
    server = ApiServer.start(store, HttpSettings.from(config), SparqlSettings.from(config));
    base = "http://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  @BeforeEach
  void data() throws Exception {
    assertThat(post("/update", "application/sparql-update", "CLEAR ALL").statusCode()).isEqualTo(204);
    store.add(List.of(triple("alice", "name", "Alice"), triple("bob", "name", "Bob")));
  }

  @AfterEach
  void everyLeaseIsReleased() {
    await().atMost(Duration.ofSeconds(5)).until(() -> store.registry().count() == 0);
  }

  static Triple triple(String s, String p, String o) {
    return new Triple(Iri.of(EX + s), Iri.of(EX + p), Literal.of(o));
  }

  // ---- queries and negotiation ----

  @Test
  void selectByGetAnswersSparqlJsonByDefault() throws Exception {
    HttpResponse<String> response = get("/sparql?query=" + encode(SELECT_NAMES), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/sparql-results+json"));
    Map<?, ?> results = (Map<?, ?>) JSON.readValue(response.body(), Map.class).get("results");
    assertThat(results.get("bindings").toString()).contains("Alice").contains("Bob");
  }

  @Test
  void acceptWithQualitiesPicksTheBestOffer() throws Exception {
    HttpResponse<String> csv = get("/sparql?query=" + encode(SELECT_NAMES),
        "application/sparql-results+json;q=0.5, text/csv, */*;q=0.1");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(csv.body()).isEqualTo("s,name\r\nhttp://example.org/alice,Alice\r\nhttp://example.org/bob,Bob\r\n");

    HttpResponse<String> tsv = get("/sparql?query=" + encode(SELECT_NAMES), "text/*;q=0.9, text/csv;q=0.2");
    assertThat(tsv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/tab-separated-values");

    HttpResponse<String> xml = get("/sparql?query=" + encode(SELECT_NAMES), "application/sparql-results+xml");
    assertThat(xml.body()).contains("<sparql").contains("Alice");

    HttpResponse<String> anything = get("/sparql?query=" + encode(SELECT_NAMES), "*/*");
    assertThat(anything.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/sparql-results+json");
  }

  @Test
  void nothingAcceptableIs406NamingTheOffers() throws Exception {
    HttpResponse<String> response = get("/sparql?query=" + encode(SELECT_NAMES), "image/png, text/csv;q=0");
    String message = message(response, 406);
    assertThat(message).contains("image/png").contains("application/sparql-results+json").contains("text/csv");

    assertThat(message(get("/sparql?query=" + encode(SELECT_NAMES), "text/csv;q=2"), 400))
        .contains("malformed Accept header").contains("q=2");
  }

  @Test
  void askAnswersABoolean() throws Exception {
    HttpResponse<String> response = get("/sparql?query=" + encode("ASK { ?s <" + EX + "name> \"Alice\" }"), null);
    assertThat(JSON.readValue(response.body(), Map.class)).containsEntry("boolean", true);
    HttpResponse<String> xml = get("/sparql?query=" + encode("ASK { ?s <" + EX + "name> \"Carol\" }"),
        "application/sparql-results+xml");
    assertThat(xml.body()).contains("<boolean>false</boolean>");
  }

  @Test
  void constructAnswersTurtleByDefaultAndEveryRdfFormatOnRequest() throws Exception {
    String construct = "CONSTRUCT { ?s <" + EX + "label> ?n } WHERE { ?s <" + EX + "name> ?n }";
    HttpResponse<String> turtle = get("/sparql?query=" + encode(construct), null);
    assertThat(turtle.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/turtle");
    assertThat(turtle.body()).contains("\"Alice\"");
    HttpResponse<String> ntriples = get("/sparql?query=" + encode(construct), "application/n-triples");
    assertThat(ntriples.body()).contains("<http://example.org/alice> <http://example.org/label> \"Alice\" .");
    for (String type : List.of("application/ld+json", "application/rdf+xml", "application/n-quads", "application/trig")) {
      HttpResponse<String> response = get("/sparql?query=" + encode(construct), type);
      assertThat(response.statusCode()).as(type + ": " + response.body()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith(type);
      assertThat(response.body()).as(type).contains("Alice");
    }
  }

  @Test
  void postOfAQueryBodyAndOfAFormWork() throws Exception {
    HttpResponse<String> body = post("/sparql", "application/sparql-query", SELECT_NAMES);
    assertThat(body.body()).contains("Alice");
    HttpResponse<String> form = post("/sparql", "application/x-www-form-urlencoded", "query=" + encode(SELECT_NAMES));
    assertThat(form.body()).contains("Alice");
  }

  @Test
  void defaultGraphUriNamesTheDataset() throws Exception {
    post("/update", "application/sparql-update",
        "INSERT DATA { GRAPH <" + EX + "g> { <" + EX + "carol> <" + EX + "name> \"Carol\" } }");
    HttpResponse<String> response = get("/sparql?query=" + encode(SELECT_NAMES) + "&default-graph-uri="
        + encode(EX + "g"), "text/csv");
    assertThat(response.body()).contains("Carol").doesNotContain("Alice");
    assertThat(message(get("/sparql?query=" + encode(SELECT_NAMES) + "&default-graph-uri=g", null), 400))
        .contains("default-graph-uri").contains("absolute IRI");
  }

  // ---- bad requests ----

  @Test
  void aSyntaxErrorIs400WithLineAndColumn() throws Exception {
    Map<String, Object> error = json(get("/sparql?query=" + encode("SELECT ?s\nWHERE { ?s ?p }"), null), 400);
    assertThat((String) error.get("message")).contains("does not parse").contains("line 2");
    assertThat(error).containsEntry("line", 2).containsKey("column");
  }

  @Test
  void badParametersMethodsAndBodiesAreRefusedByName() throws Exception {
    assertThat(message(get("/sparql", null), 400)).contains("no query");
    assertThat(message(get("/sparql?query=" + encode(SELECT_NAMES) + "&qeury=1", null), 400))
        .contains("unknown parameter 'qeury'");
    assertThat(message(get("/sparql?query=a&query=b", null), 400)).contains("'query' is given more than once");
    assertThat(message(get("/sparql?query=" + encode(SELECT_NAMES) + "&timeout=soon", null), 400))
        .contains("parameter 'timeout'").contains("'soon'");
    assertThat(message(get("/sparql?query=" + encode(SELECT_NAMES) + "&timeout=3600", null), 400))
        .contains("at most 10m");
    assertThat(message(post("/sparql", "text/plain", SELECT_NAMES), 415)).contains("application/sparql-query");
    assertThat(message(post("/sparql", "application/sparql-query", "#" + "x".repeat(3000)), 413))
        .contains("sparql.max-request-bytes");
    HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(base + "/sparql"))
        .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(message(put, 405)).contains("allowed: GET, POST");
    assertThat(message(get("/update?update=" + encode("CLEAR ALL"), null), 405)).contains("allowed: POST");
    assertThat(get("/sparql?query=" + encode("SELECT * { ?s ?p ?o }"), "text/csv").body().lines()).hasSize(3);
  }

  // ---- updates ----

  @Test
  void anUpdateIsAppliedAndAnswers204() throws Exception {
    HttpResponse<String> response = post("/update", "application/sparql-update",
        "INSERT DATA { <" + EX + "carol> <" + EX + "name> \"Carol\" }");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    HttpResponse<String> form = post("/update", "application/x-www-form-urlencoded",
        "update=" + encode("DELETE DATA { <" + EX + "bob> <" + EX + "name> \"Bob\" }"));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(204);
    assertThat(get("/sparql?query=" + encode(SELECT_NAMES), "text/csv").body()).contains("Carol").doesNotContain("Bob");
  }

  @Test
  void aFailingUpdateChangesNothing() throws Exception {
    store.add(List.of(triple("g-member", "in", "g")));
    post("/update", "application/sparql-update", "ADD DEFAULT TO <" + EX + "g>");
    String insertThenFail = "INSERT DATA { <" + EX + "carol> <" + EX + "name> \"Carol\" } ;\n"
        + "CREATE GRAPH <" + EX + "g>";
    assertThat(message(post("/update", "application/sparql-update", insertThenFail), 400))
        .contains("already exists").contains("nothing was changed");
    assertThat(message(post("/update", "application/sparql-update", "LOAD <file:///etc/passwd>"), 400))
        .contains("LOAD is not allowed");
    assertThat(get("/sparql?query=" + encode(SELECT_NAMES), "text/csv").body()).doesNotContain("Carol");
    Map<String, Object> syntax = json(post("/update", "application/sparql-update",
        "INSERT DATA { <" + EX + "dave> <" + EX + "name> \"Dave\" } ;\nDELETE WHERE { ?s ?p }"), 400);
    assertThat(syntax).containsEntry("line", 2);
    assertThat(get("/sparql?query=" + encode(SELECT_NAMES), "text/csv").body()).doesNotContain("Dave");
  }

  // ---- leases ----

  @Test
  void aQueryIsALeaseDescribedForOperatorsAndAForcedReleaseStopsItWith503() throws Exception {
    addNumbers(3000);
    CompletableFuture<HttpResponse<String>> running = client.sendAsync(
        HttpRequest.newBuilder(URI.create(base + "/sparql?timeout=600&query=" + encode(LONG_QUERY))).build(),
        HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(10)).until(() -> store.registry().count() == 1);
    LeaseInfo lease = store.registry().info(1).get(0);
    assertThat(lease.ownerLabel()).isEqualTo("sparql");
    assertThat(lease.description()).matches("query \\d+ from 127\\.0\\.0\\.1:\\d+: SELECT \\?a \\?b .*LIMIT 1");
    assertThat(lease.ttl()).isEqualTo(Duration.ofSeconds(600));
    Map<String, Object> listed = json(get("/snapshots", null), 200);
    assertThat(listed.toString()).contains("description=" + lease.description());

    store.registry().forceRelease(lease.id());
    await().atMost(Duration.ofSeconds(1)).until(running::isDone);
    Map<String, Object> error = json(running.get(), 503);
    assertThat((String) error.get("message")).contains("snapshot lease " + lease.id()).contains("FORCED");
    assertThat(error).containsEntry("reason", "FORCED").containsEntry("id", (int) lease.id());
  }

  @Test
  void aQueryPastItsTimeoutIsStoppedWithReasonExpired() throws Exception {
    addNumbers(3000);
    HttpResponse<String> response = get("/sparql?timeout=1s&query=" + encode(LONG_QUERY), null);
    Map<String, Object> error = json(response, 503);
    assertThat(error).containsEntry("reason", "EXPIRED");
  }

  @Test
  void snapshotRunsAQueryAtAnExistingLease() throws Exception {
    io.triplestore.snapshots.SnapshotLease lease = store.registry().create(
        io.triplestore.snapshots.LeaseOptions.builder().noOwner().label("report").build());
    try {
      post("/update", "application/sparql-update", "INSERT DATA { <" + EX + "carol> <" + EX + "name> \"Carol\" }");
      String atLease = get("/sparql?snapshot=" + lease.id() + "&query=" + encode(SELECT_NAMES), "text/csv").body();
      assertThat(atLease).contains("Bob").doesNotContain("Carol");
      assertThat(get("/sparql?query=" + encode(SELECT_NAMES), "text/csv").body()).contains("Carol");
      assertThat(store.registry().count()).isEqualTo(1); // the query borrowed the lease, did not release it
    } finally {
      lease.close();
    }
    Map<String, Object> gone = json(get("/sparql?snapshot=" + lease.id() + "&query=" + encode(SELECT_NAMES), null), 410);
    assertThat(gone).containsEntry("reason", "MANUAL");
    assertThat(message(get("/sparql?snapshot=987654&query=" + encode(SELECT_NAMES), null), 404))
        .contains("no snapshot lease with id 987654");
    assertThat(message(get("/sparql?snapshot=latest&query=" + encode(SELECT_NAMES), null), 400))
        .contains("parameter 'snapshot'");
    HttpResponse<String> update = post("/update?snapshot=1", "application/sparql-update", "CLEAR ALL");
    assertThat(message(update, 400)).contains("unknown parameter 'snapshot'");
  }

  // ---- graph store ----

  @Test
  void graphStorePutGetPostDeleteAndHead() throws Exception {
    String graph = "/store?graph=" + encode(EX + "people");
    assertThat(message(get(graph, null), 404)).contains("no graph <http://example.org/people>");
    assertThat(send("PUT", graph, "text/turtle", "<" + EX + "carol> <" + EX + "name> \"Carol\" .").statusCode())
        .isEqualTo(201);
    assertThat(send("POST", graph, "application/n-triples", "<" + EX + "dave> <" + EX + "name> \"Dave\" .\n")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> got = get(graph, "application/n-triples");
    assertThat(got.body().lines()).containsExactlyInAnyOrder("<http://example.org/carol> <http://example.org/name> \"Carol\" .",
        "<http://example.org/dave> <http://example.org/name> \"Dave\" .");
    // PUT replaces, atomically; the default graph is untouched.
    assertThat(send("PUT", graph, "application/ld+json",
        "{\"@id\": \"" + EX + "erin\", \"" + EX + "name\": \"Erin\"}").statusCode()).isEqualTo(204);
    assertThat(get(graph, "application/n-triples").body()).contains("Erin").doesNotContain("Carol");
    assertThat(get("/store?default", "application/n-triples").body()).contains("Alice").doesNotContain("Erin");
    HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(base + graph))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(send("DELETE", graph, null, null).statusCode()).isEqualTo(204);
    assertThat(send("DELETE", graph, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void graphStoreRefusesBadInputAndChangesNothing() throws Exception {
    String graph = "/store?graph=" + encode(EX + "people");
    send("PUT", graph, "application/n-triples", "<" + EX + "carol> <" + EX + "name> \"Carol\" .\n");
    Map<String, Object> syntax = json(send("PUT", graph, "text/turtle", "<" + EX + "x> <" + EX + "p> <" + EX + "o> ;\n  ] .\n"), 400);
    assertThat((String) syntax.get("message")).contains("not valid Turtle").contains("nothing was changed");
    assertThat(syntax).containsEntry("line", 2);
    assertThat(message(send("PUT", graph, "text/html", "<p>"), 415)).contains("text/turtle");
    assertThat(message(get("/store", null), 400)).contains("?default");
    assertThat(message(get("/store?graph=relative", null), 400)).contains("absolute IRI");
    assertThat(message(get("/store?default&graph=" + encode(EX + "g"), null), 400)).contains("name one graph");
    assertThat(get(graph, "application/n-triples").body()).contains("Carol");
  }

  HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aReleaseAfterResultsWereSentCutsTheTransfer() throws Exception {
    addNumbers(3000);
    String crossProduct = "SELECT ?a ?b { ?a <" + EX + "n> ?x . ?b <" + EX + "n> ?y }";
    HttpResponse<java.io.InputStream> response = client.send(HttpRequest.newBuilder(
        URI.create(base + "/sparql?query=" + encode(crossProduct))).header("Accept", "text/csv").build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200); // committed: results are streaming
    try (java.io.InputStream body = response.body()) {
      assertThat(body.readNBytes(1000)).hasSize(1000);
      store.registry().forceRelease(store.registry().info(1).get(0).id());
      // Never a clean end: the chunked encoding is not terminated, so reading to the end fails.
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> body.transferTo(java.io.OutputStream.nullOutputStream()))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  private void addNumbers(int count) {
    store.add(IntStream.range(0, count).mapToObj(i -> triple("n" + i, "n", String.format("%05d", i))).toList());
  }

  // ---- helpers ----

  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String type, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    return JSON.readValue(response.body(), Map.class);
  }

  static String message(HttpResponse<String> response, int status) throws Exception {
    return (String) json(response, status).get("message");
  }
}
