package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.BlankNode;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Quad;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /triples} in every format: Content-Type and Accept, graphs, and every format's errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TriplesFormatsHttpTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String EX = "http://example.org/";
  static final Quad IN_DEFAULT = new Quad(Iri.of(EX + "s"), Iri.of(EX + "p"), Literal.of("one"), null);
  static final Quad IN_G = new Quad(Iri.of(EX + "s"), Iri.of(EX + "p"), Literal.lang("deux", "fr"), Iri.of(EX + "g"));
  static final Quad IN_BLANK = new Quad(BlankNode.of("b1"), Iri.of(EX + "p"), Literal.of("3"), BlankNode.of("g2"));

  @TempDir static Path dir;
  TripleStore store;
  ApiServer server;
  String base;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    store = TripleStore.open(dir.resolve("data"), StoreOptions.builder().bulkBatchTriples(1000).build());
    server = ApiServer.start(store, HttpSettings.from(Configuration.resolve(Map.of("http.port", "0",
        "http.max-threads", "8", "shutdown.timeout", "2s"), Map.of(), Optional.empty())));
    base = "http://127.0.0.1:" + server.address().getPort();
  }

  @AfterAll
  void stop() {
    server.close();
    store.close();
  }

  @BeforeEach
  void empty() {
    store.clear(GraphSelector.ALL);
  }

  /** The same two quads (default graph, graph ex:g) in each format with graphs. */
  static Stream<Arguments> quadDocuments() {
    return Stream.of(
        Arguments.of("application/n-quads", "<http://example.org/s> <http://example.org/p> \"one\" .\n"
            + "<http://example.org/s> <http://example.org/p> \"deux\"@fr <http://example.org/g> .\n"),
        Arguments.of("application/trig", "@prefix ex: <http://example.org/> .\nex:s ex:p \"one\" .\n"
            + "ex:g { ex:s ex:p \"deux\"@fr }\n"),
        Arguments.of("application/ld+json", "[{\"@id\": \"http://example.org/s\", \"http://example.org/p\": \"one\"},"
            + " {\"@id\": \"http://example.org/g\", \"@graph\": [{\"@id\": \"http://example.org/s\","
            + " \"http://example.org/p\": {\"@value\": \"deux\", \"@language\": \"fr\"}}]}]"));
  }

  @ParameterizedTest
  @MethodSource("quadDocuments")
  void aQuadFormatAddsToItsGraphsAndRemovesFromThem(String type, String document) throws Exception {
    assertThat(json(send("POST", "/triples", type, document), 200)).containsEntry("added", 2);
    assertThat(quads()).containsExactlyInAnyOrder(IN_DEFAULT, IN_G);
    assertThat(json(send("DELETE", "/triples", type, document), 200)).containsEntry("removed", 2)
        .containsEntry("absent", 0);
    assertThat(quads()).isEmpty();

    assertThat(json(send("POST", "/triples?mode=bulk", type, document), 200)).containsEntry("added", 2);
    assertThat(json(send("DELETE", "/triples?mode=bulk", type, document), 200)).containsEntry("mode", "bulk")
        .containsEntry("removed", 2);
    assertThat(quads()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/turtle", "application/x-turtle", "application/rdf+xml", "text/xml",
      "application/n-triples", "application/n-triples; charset=utf-8"})
  void aTripleFormatAddsToTheDefaultGraph(String type) throws Exception {
    String document = type.contains("xml")
        ? "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
            + "<rdf:Description rdf:about=\"http://example.org/s\"><ex:p>one</ex:p></rdf:Description></rdf:RDF>"
        : "<http://example.org/s> <http://example.org/p> \"one\" .\n";
    assertThat(json(send("POST", "/triples", type, document), 200)).containsEntry("added", 1);
    assertThat(quads()).containsExactly(IN_DEFAULT);
  }

  /** Each format's malformed document: its last statement is bad; line and column as its parser knows them. */
  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("application/n-triples", "<http://example.org/s> <http://example.org/p> \"one\" .\n"
            + "<http://example.org/s> <http://example.org/p> garbage .\n", "N-Triples", 2, 47),
        Arguments.of("application/n-quads", "<http://example.org/s> <http://example.org/p> \"one\" .\n"
            + "<http://example.org/s> <http://example.org/p> \"one\" garbage .\n", "N-Quads", 2, 53),
        Arguments.of("text/turtle", "@prefix ex: <http://example.org/> .\nex:s ex:p \"one\" .\nex:s ex:p .\n",
            "Turtle", 3, -1),
        Arguments.of("application/trig", "@prefix ex: <http://example.org/> .\nex:g {\n ex:s ex:p \"one\" .\n ex:s .\n}",
            "TriG", 4, -1),
        Arguments.of("application/rdf+xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
            + " xmlns:ex=\"http://example.org/\">\n<rdf:Description rdf:about=\"http://example.org/s\"><ex:p>one</ex:p>"
            + "</rdf:Description>\n<rdf:Description rdf:about=\"http://example.org/s\"><bad/></rdf:Description>\n</rdf:RDF>",
            "RDF/XML", 3, 57),
        Arguments.of("application/ld+json", "[{\"@id\": \"http://example.org/s\", \"http://example.org/p\": \"one\"},\n{",
            "JSON-LD", -1, -1));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void aSyntaxErrorIs400WithLineAndColumnAndChangesNothing(String type, String document, String format, int line,
      int column) throws Exception {
    store.add(IN_DEFAULT);
    for (String method : List.of("POST", "DELETE")) {
      for (String mode : List.of("", "?mode=bulk")) {
        Map<String, Object> error = json(send(method, "/triples" + mode, type, document), 400);
        assertThat(error).as(method + mode).containsEntry("error", "bad_request").containsEntry("format", format)
            .containsEntry("line", line).containsEntry("column", column);
        assertThat((String) error.get("message")).as(method + mode).startsWith("malformed " + format);
        if (!mode.isEmpty()) {
          assertThat(error).containsEntry("committed", 0);
        }
        assertThat(quads()).as(method + mode).containsExactly(IN_DEFAULT);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"x", ".", "<", "x\n"})
  void aOneCharacterBodyIs400AtLineOneNotAnEmptyAdd(String body) throws Exception {
    for (String type : List.of("application/n-triples", "application/n-quads")) {
      assertThat(json(send("POST", "/triples", type, body), 400)).containsEntry("line", 1).containsEntry("column", 1);
      assertThat(json(send("DELETE", "/triples", type, body), 400)).containsEntry("line", 1);
    }
    assertThat(store.size()).isZero();
  }

  @Test
  void garbageIsReportedAtColumnOne() throws Exception {
    assertThat(json(send("POST", "/triples", "application/n-triples", "garbage here"), 400))
        .containsEntry("line", 1).containsEntry("column", 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/json", "application/x-www-form-urlencoded", "text/html"})
  void aBodyOfAnotherTypeIs415NamingTheSupportedOnes(String type) throws Exception {
    for (String method : List.of("POST", "DELETE")) {
      Map<String, Object> error = json(send(method, "/triples", type, "<http://example.org/s> <http://example.org/p> \"one\" ."), 415);
      assertThat(error).containsEntry("error", "unsupported_media_type");
      assertThat((String) error.get("accepted")).contains("application/n-triples", "application/n-quads", "text/turtle",
          "application/trig", "application/rdf+xml", "application/ld+json").doesNotContain("text/plain");
    }
    HttpResponse<String> untyped = client.send(HttpRequest.newBuilder(URI.create(base + "/triples"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat((String) json(untyped, 415).get("message")).contains("needs a Content-Type");
    assertThat(store.size()).isZero();
  }

  @Test
  void getNegotiatesTheFormatAndTheFormatChoosesTheGraphs() throws Exception {
    store.addQuads(List.of(IN_DEFAULT, IN_G, IN_BLANK));

    HttpResponse<String> plain = get("/triples", null);
    assertThat(plain.headers().firstValue("Content-Type")).contains("application/n-triples; charset=utf-8");
    assertThat(plain.body()).isEqualTo(IN_DEFAULT.triple().toNTriples() + "\n");
    assertThat(get("/triples", "*/*").body()).isEqualTo(plain.body());

    HttpResponse<String> nquads = get("/triples", "application/n-quads");
    assertThat(nquads.headers().firstValue("Content-Type")).contains("application/n-quads; charset=utf-8");
    assertThat(Set.copyOf(nquads.body().lines().toList())).containsExactlyInAnyOrder(IN_DEFAULT.toNQuads(),
        IN_G.toNQuads(), IN_BLANK.toNQuads());

    assertThat(contentType(get("/triples", "text/turtle;q=0.5, application/n-quads;q=0.9"))).startsWith("application/n-quads");
    assertThat(contentType(get("/triples", "application/n-triples;q=0, */*;q=0.1"))).startsWith("application/n-quads");
    assertThat(contentType(get("/triples", "text/*"))).startsWith("text/turtle");
    assertThat(contentType(get("/triples", "text/xml"))).startsWith("application/rdf+xml");
    assertThat(contentType(get("/triples", "application/ld+json"))).startsWith("application/ld+json");
    assertThat(contentType(get("/triples", "application/trig"))).startsWith("application/trig");
  }

  @Test
  void graphParametersSelectOneGraphOrAll() throws Exception {
    store.addQuads(List.of(IN_DEFAULT, IN_G, IN_BLANK));

    assertThat(get("/triples?graph=" + encode(EX + "g"), "application/n-triples").body())
        .isEqualTo(IN_G.triple().toNTriples() + "\n");
    assertThat(get("/triples?graph=" + encode("<" + EX + "g>"), "application/n-quads").body())
        .isEqualTo(IN_G.toNQuads() + "\n");
    assertThat(get("/triples?graph=" + encode("_:g2"), null).body()).isEqualTo(IN_BLANK.triple().toNTriples() + "\n");
    assertThat(get("/triples?default", "application/n-quads").body()).isEqualTo(IN_DEFAULT.toNQuads() + "\n");

    HttpResponse<String> all = get("/triples?all", null);
    assertThat(contentType(all)).startsWith("application/n-quads");
    assertThat(all.body().lines()).hasSize(3);
    assertThat(get("/triples?all&p=" + encode("<" + EX + "p>") + "&limit=2", "application/trig").statusCode())
        .isEqualTo(200);
  }

  @Test
  void whatCannotBeAnsweredIs406AndBadParametersAre400() throws Exception {
    Map<String, Object> none = json(get("/triples", "application/json"), 406);
    assertThat(none).containsEntry("error", "not_acceptable");
    assertThat((String) none.get("available")).contains("application/n-triples", "application/ld+json");

    Map<String, Object> oneGraphOnly = json(get("/triples?all", "text/turtle, application/n-triples"), 406);
    assertThat((String) oneGraphOnly.get("message")).contains("?all", "?default", "?graph=");
    assertThat((String) oneGraphOnly.get("available")).contains("application/n-quads").doesNotContain("text/turtle");

    assertThat(message(get("/triples?default&graph=" + encode(EX + "g"), null), 400)).contains("exclude each other");
    assertThat(message(get("/triples?default=yes", null), 400)).contains("'default' takes no value");
    assertThat(message(get("/triples?graph=" + encode("\"lit\""), null), 400)).contains("literal");
    assertThat(message(get("/triples?graph=relative", null), 400)).contains("'graph'");
    assertThat(message(get("/triples", "application/n-quads;q=2"), 400)).contains("q-value");
    assertThat(message(send("POST", "/triples?graph=" + encode(EX + "g"), "text/turtle", ""), 400))
        .contains("unknown query parameter 'graph'");
  }

  Set<Quad> quads() {
    return new HashSet<>(store.list(QuadPattern.any(), Long.MAX_VALUE));
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (accept != null) {
      request.header("Accept", accept);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String contentType(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.headers().firstValue("Content-Type").orElse("");
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
