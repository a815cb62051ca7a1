package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.query.QueryResults;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query forms and the dataset semantics, through a SailRepository on the Sail. */
class SparqlQueryTest {

  private static final String DATA = """
      PREFIX : <http://example.org/>
      INSERT DATA {
        :alice :knows :bob . :alice :name "Alice" . :bob :name "Bob" .
        GRAPH :g1 { :carol :name "Carol" . :alice :knows :carol }
        GRAPH :g2 { :dave :name "Dave" . :alice :name "Alice" }
      }""";

  @TempDir Path directory;
  private SailFixture fixture;

  @BeforeEach
  void open() {
    fixture = new SailFixture(directory);
    fixture.update(DATA);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void selectSeesTheUnnamedDefaultGraphOnly() {
    assertThat(fixture.select("SELECT ?n { ?s <http://example.org/name> ?n } ORDER BY ?n", "n"))
        .containsExactly("Alice", "Bob");
  }

  @Test
  void aTripleInTheDefaultGraphAndANamedGraphIsCountedOnce() {
    // RDF4J's union default graph is a multiset: "Alice" would come twice (default graph and :g2).
    assertThat(fixture.select("SELECT (COUNT(*) AS ?c) { ?s <http://example.org/name> \"Alice\" }", "c"))
        .containsExactly("1");
  }

  @Test
  void graphVariableRangesOverNamedGraphsOnly() {
    assertThat(fixture.select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", "g"))
        .containsExactly("http://example.org/g1", "http://example.org/g2");
  }

  @Test
  void fromMakesTheNamedGraphsTheDefaultGraph() {
    assertThat(fixture.select("""
        SELECT ?n FROM <http://example.org/g1> FROM <http://example.org/g2>
        { ?s <http://example.org/name> ?n } ORDER BY ?n""", "n"))
        .containsExactly("Alice", "Carol", "Dave");
  }

  @Test
  void fromNamedLimitsTheGraphsOfGraphPatterns() {
    assertThat(fixture.select("""
        SELECT ?n FROM NAMED <http://example.org/g1>
        { GRAPH ?g { ?s <http://example.org/name> ?n } }""", "n"))
        .containsExactly("Carol");
  }

  @Test
  void fromNamedAloneLeavesTheDefaultGraphEmpty() {
    assertThat(fixture.select("""
        SELECT ?n FROM NAMED <http://example.org/g1> { ?s <http://example.org/name> ?n }""", "n"))
        .isEmpty();
  }

  @Test
  void askAnswersFromTheDefaultGraph() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      assertThat(connection.prepareBooleanQuery("ASK { <http://example.org/alice> ?p <http://example.org/bob> }")
          .evaluate()).isTrue();
      assertThat(connection.prepareBooleanQuery("ASK { ?s ?p \"Carol\" }").evaluate()).isFalse();
      assertThat(connection.prepareBooleanQuery("ASK { GRAPH ?g { ?s ?p \"Carol\" } }").evaluate()).isTrue();
    }
  }

  @Test
  void constructBuildsTriplesFromTheMatches() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      Model model = QueryResults.asModel(connection.prepareGraphQuery("""
          PREFIX : <http://example.org/>
          CONSTRUCT { ?b :knownBy ?a } WHERE { ?a :knows ?b }""").evaluate());
      assertThat(model).hasSize(1);
      Statement statement = model.iterator().next();
      assertThat(statement.getSubject().stringValue()).isEqualTo("http://example.org/bob");
      assertThat(statement.getObject().stringValue()).isEqualTo("http://example.org/alice");
    }
  }

  @Test
  void describeReturnsTheResourcesTriples() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      Model model = QueryResults.asModel(
          connection.prepareGraphQuery("DESCRIBE <http://example.org/bob>").evaluate());
      assertThat(model.objects()).extracting(v -> v.stringValue())
          .contains("Bob", "http://example.org/bob");
      assertThat(model.objects()).extracting(v -> v.stringValue())
          .doesNotContain("Carol", "Dave");
    }
  }

  @Test
  void describeReadsTheDefaultGraphOnly() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      assertThat(QueryResults.asModel(
          connection.prepareGraphQuery("DESCRIBE <http://example.org/dave>").evaluate())).isEmpty();
    }
  }

  @Test
  void propertyPathsStayInTheDefaultGraph() {
    // :alice :knows :carol is in :g1 only: a path over the default graph must not reach :carol.
    assertThat(fixture.select("""
        PREFIX : <http://example.org/>
        SELECT ?x { :alice :knows* ?x } ORDER BY ?x""", "x"))
        .containsExactly("http://example.org/alice", "http://example.org/bob");
  }

  @Test
  void theUnionOptionReadsEveryGraphAsRdf4jDoes(@TempDir Path other) {
    try (SailFixture union = new SailFixture(other, DefaultGraph.UNION)) {
      union.update(DATA);
      assertThat(union.select("SELECT ?n { ?s <http://example.org/name> ?n } ORDER BY ?n", "n"))
          .containsExactly("Alice", "Alice", "Bob", "Carol", "Dave");
      assertThat(Set.copyOf(union.select("SELECT ?g { GRAPH ?g { ?s ?p ?o } }", "g")))
          .isEqualTo(Set.of("http://example.org/g1", "http://example.org/g2"));
    }
  }

  @Test
  void contextIdsAreTheNamedGraphs() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      List<String> graphs = connection.getContextIDs().stream().map(Object::toString).sorted().toList();
      assertThat(graphs).containsExactly("http://example.org/g1", "http://example.org/g2");
    }
  }
}
