package io.triplestore.it.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.apache.jena.sparql.engine.http.QueryExceptionHTTP;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.query.QueryInterruptedException;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's SPARQL Protocol endpoints with real clients, Jena's {@code RDFConnection} and
 * RDF4J's {@code SPARQLRepository}, against the daemon started from its archive; and a long
 * query cancelled by an operator's Jolokia {@code forceRelease} of its lease.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparqlClientsTest {

  private static final String REGISTRY = "io.triplestore:type=SnapshotRegistry,name=store";
  private static final String EX = "http://example.org/";

  @TempDir
  static Path dir;

  DaemonProcess daemon;
  String base;

  @BeforeAll
  void start() {
    daemon = DaemonProcess.in(dir).env("TRIPLESTORE_JOLOKIA_USER", "ops")
        .env("TRIPLESTORE_JOLOKIA_PASSWORD", "jolokia-secret").start();
    base = daemon.http().toString().replaceAll("/$", "");
  }

  @AfterAll
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
  }

  private RDFConnection jena() {
    return RDFConnectionRemote.service(base).queryEndpoint("sparql").updateEndpoint("update")
        .gspEndpoint("store").build();
  }

  @Test
  void jenaRdfConnectionUpdatesAndQueries() {
    try (RDFConnection connection = jena()) {
      connection.update("INSERT DATA { <" + EX + "jena/alice> <" + EX + "name> \"Alice\" ; <" + EX + "age> 42 }");
      List<String> names = new ArrayList<>();
      connection.querySelect("SELECT ?name { <" + EX + "jena/alice> <" + EX + "name> ?name }",
          (QuerySolution row) -> names.add(row.getLiteral("name").getString()));
      assertThat(names).containsExactly("Alice");
      assertThat(connection.queryAsk("ASK { <" + EX + "jena/alice> <" + EX + "age> 42 }")).isTrue();
      assertThat(connection.queryAsk("ASK { <" + EX + "jena/alice> <" + EX + "age> 43 }")).isFalse();
      Model model = connection.queryConstruct(
          "CONSTRUCT { ?s <" + EX + "label> ?n } WHERE { ?s <" + EX + "name> ?n }");
      assertThat(model.size()).isEqualTo(1);
      assertThat(model.listObjects().next().asLiteral().getString()).isEqualTo("Alice");
    }
  }

  @Test
  void jenaGraphStoreOperationsPutFetchLoadAndDelete() {
    String graph = EX + "gsp/people";
    Model people = ModelFactory.createDefaultModel();
    people.add(people.createResource(EX + "gsp/carol"), people.createProperty(EX + "name"), "Carol");
    try (RDFConnection connection = jena()) {
      connection.put(graph, people);
      assertThat(connection.fetch(graph).isIsomorphicWith(people)).isTrue();

      Model more = ModelFactory.createDefaultModel();
      more.add(more.createResource(EX + "gsp/dave"), more.createProperty(EX + "name"), "Dave");
      connection.load(graph, more);
      assertThat(connection.fetch(graph).size()).isEqualTo(2);
      connection.put(graph, more); // replaces
      assertThat(connection.fetch(graph).isIsomorphicWith(more)).isTrue();

      connection.delete(graph);
      assertThatThrownBy(() -> connection.fetch(graph)).isInstanceOf(HttpException.class)
          .satisfies(e -> assertThat(((HttpException) e).getStatusCode()).isEqualTo(404));
    }
  }

  @Test
  void rdf4jSparqlRepositoryUpdatesAndQueries() {
    SPARQLRepository repository = new SPARQLRepository(base + "/sparql", base + "/update");
    try (RepositoryConnection connection = repository.getConnection()) {
      connection.prepareUpdate("INSERT DATA { <" + EX + "rdf4j/bob> <" + EX + "name> \"Bob\" }").execute();
      try (TupleQueryResult result = connection.prepareTupleQuery(
          "SELECT ?name { <" + EX + "rdf4j/bob> <" + EX + "name> ?name }").evaluate()) {
        List<String> names = result.stream().map(row -> row.getValue("name").stringValue()).toList();
        assertThat(names).containsExactly("Bob");
      }
      assertThat(connection.prepareBooleanQuery("ASK { ?s <" + EX + "name> \"Bob\" }").evaluate()).isTrue();
      List<Statement> constructed = connection.prepareGraphQuery(
          "CONSTRUCT { ?s <" + EX + "label> ?n } WHERE { ?s <" + EX + "name> ?n FILTER(?s = <" + EX + "rdf4j/bob>) }").evaluate().stream().toList();
      assertThat(constructed).singleElement().satisfies(statement ->
          assertThat(statement.getObject().stringValue()).isEqualTo("Bob"));
    } finally {
      repository.shutDown();
    }
  }

  @Test
  void aLongQueryIsCancelledWithinOneSecondByAJolokiaForceReleaseOfItsLease() throws Exception {
    ApiClient api = new ApiClient(daemon.http());
    String numbers = IntStream.range(0, 3000)
        .mapToObj(i -> "<" + EX + "n" + i + "> <" + EX + "n> \"" + String.format("%05d", i) + "\" .")
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(api.send("POST", "/triples", ApiClient.N_TRIPLES, numbers).ok()).isTrue();
    String crossProductSorted = "SELECT ?a ?b { ?a <" + EX + "n> ?x . ?b <" + EX + "n> ?y } ORDER BY ?x ?y LIMIT 1";

    // RDF4J's client turns any 503 into a QueryInterruptedException (and drops the body).
    SPARQLRepository repository = new SPARQLRepository(base + "/sparql");
    try (RepositoryConnection connection = repository.getConnection()) {
      Throwable rdf4j = cancelMidQuery(api, () -> {
        try (TupleQueryResult result = connection.prepareTupleQuery(crossProductSorted).evaluate()) {
          return result.stream().count();
        }
      });
      assertThat(rdf4j).isInstanceOf(QueryInterruptedException.class);
    } finally {
      repository.shutDown();
    }
    // Jena's keeps status and body: the message names the lease and the reason.
    try (RDFConnection connection = jena()) {
      Throwable jena = cancelMidQuery(api, () -> {
        long[] rows = {0};
        connection.querySelect(crossProductSorted, row -> rows[0]++);
        return rows[0];
      });
      assertThat(jena).isInstanceOf(QueryExceptionHTTP.class);
      QueryExceptionHTTP http = (QueryExceptionHTTP) jena;
      assertThat(http.getStatusCode()).isEqualTo(503);
      assertThat(http.getResponse()).contains("\"reason\":\"FORCED\"")
          .containsPattern("snapshot lease \\d+ was released \\(reason FORCED\\)");
    }
  }

  /**
   * Runs {@code query} on another thread, force-releases its lease through Jolokia once it shows in
   * {@code GET /snapshots}, and returns what the client threw, which it must within one second.
   */
  private Throwable cancelMidQuery(ApiClient api, java.util.function.Supplier<Long> query) throws Exception {
    CompletableFuture<Long> running = CompletableFuture.supplyAsync(query);
    JsonNode lease = await().atMost(Duration.ofSeconds(30)).until(() -> sparqlLease(api), node -> node != null);
    assertThat(lease.get("description").asText()).contains("ORDER BY ?x ?y LIMIT 1").contains("from 127.0.0.1");
    JolokiaClient jolokia = new JolokiaClient(daemon.jolokia(), "ops", "jolokia-secret");
    assertThat(jolokia.exec(REGISTRY, "forceRelease", lease.get("id").asLong()).value().asBoolean()).isTrue();
    await().atMost(Duration.ofSeconds(1)).until(running::isDone);
    await().atMost(Duration.ofSeconds(5)).until(() -> sparqlLease(api) == null);
    return running.handle((rows, failure) -> failure == null ? null
        : failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure).get();
  }

  /** The lease of a running SPARQL query, from {@code GET /snapshots}, or null. */
  private static JsonNode sparqlLease(ApiClient api) throws Exception {
    for (JsonNode lease : api.send("GET", "/snapshots", null, null).json().get("leases")) {
      if (lease.get("owner").asText().equals("sparql")) {
        return lease;
      }
    }
    return null;
  }
}
