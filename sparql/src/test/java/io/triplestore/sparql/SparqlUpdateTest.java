package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.Quad;
import io.triplestore.store.QuadPattern;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPARQL Update through the repository: what lands in which graph of the store. Each dataset test
 * runs against both default-graph modes, so the difference from RDF4J's own behaviour is measured
 * rather than assumed.
 */
class SparqlUpdateTest {

  private static final String DATA = """
      PREFIX : <http://example.org/>
      INSERT DATA {
        :alice :name "Alice" . :bob :name "Bob" .
        GRAPH :g1 { :alice :name "Alice" . :carol :name "Carol" }
      }""";

  @TempDir Path directory;

  private static List<String> quads(SailFixture fixture) {
    return fixture.store.list(QuadPattern.of(null, null, null, GraphSelector.ALL), Long.MAX_VALUE).stream()
        .map(Quad::toNQuads).map(String::strip).sorted().toList();
  }

  @Test
  void insertDataWithoutGraphGoesToTheDefaultGraph() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      assertThat(fixture.store.size(GraphSelector.DEFAULT)).isEqualTo(2);
      assertThat(fixture.store.size(GraphSelector.named(io.triplestore.store.Iri.of("http://example.org/g1"))))
          .isEqualTo(2);
    }
  }

  @Test
  void deleteDataWithoutGraphDeletesFromTheDefaultGraphOnly() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("DELETE DATA { <http://example.org/alice> <http://example.org/name> \"Alice\" }");
      assertThat(quads(fixture)).containsExactly(
          "<http://example.org/alice> <http://example.org/name> \"Alice\" <http://example.org/g1> .",
          "<http://example.org/bob> <http://example.org/name> \"Bob\" .",
          "<http://example.org/carol> <http://example.org/name> \"Carol\" <http://example.org/g1> .");
    }
  }

  @Test
  void rdf4jsUnionModeDeletesFromEveryGraph() {
    try (SailFixture fixture = new SailFixture(directory, DefaultGraph.UNION)) {
      fixture.update(DATA);
      fixture.update("DELETE DATA { <http://example.org/alice> <http://example.org/name> \"Alice\" }");
      assertThat(quads(fixture)).hasSize(2).noneMatch(quad -> quad.contains("alice"));
    }
  }

  @Test
  void deleteWhereWithoutGraphMatchesAndDeletesInTheDefaultGraphOnly() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("DELETE WHERE { ?s <http://example.org/name> ?n }");
      assertThat(fixture.store.size(GraphSelector.DEFAULT)).isZero();
      assertThat(fixture.store.size(GraphSelector.NAMED)).isEqualTo(2);
    }
  }

  @Test
  void deleteInsertWhereRewritesInOneCommit() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("""
          PREFIX : <http://example.org/>
          DELETE { ?s :name ?n } INSERT { ?s :label ?n } WHERE { ?s :name ?n }""");
      assertThat(quads(fixture)).containsExactly(
          "<http://example.org/alice> <http://example.org/label> \"Alice\" .",
          "<http://example.org/alice> <http://example.org/name> \"Alice\" <http://example.org/g1> .",
          "<http://example.org/bob> <http://example.org/label> \"Bob\" .",
          "<http://example.org/carol> <http://example.org/name> \"Carol\" <http://example.org/g1> .");
    }
  }

  @Test
  void withAndGraphTemplatesTargetNamedGraphs() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("""
          PREFIX : <http://example.org/>
          WITH :g1 DELETE { ?s :name ?n } INSERT { GRAPH :g2 { ?s :name ?n } } WHERE { ?s :name ?n }""");
      assertThat(quads(fixture)).containsExactly(
          "<http://example.org/alice> <http://example.org/name> \"Alice\" .",
          "<http://example.org/alice> <http://example.org/name> \"Alice\" <http://example.org/g2> .",
          "<http://example.org/bob> <http://example.org/name> \"Bob\" .",
          "<http://example.org/carol> <http://example.org/name> \"Carol\" <http://example.org/g2> .");
    }
  }

  @Test
  void clearAndDropEmptyTheGraphsTheyName() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("CLEAR DEFAULT");
      assertThat(fixture.store.size(GraphSelector.DEFAULT)).isZero();
      assertThat(fixture.store.size(GraphSelector.NAMED)).isEqualTo(2);
      fixture.update(DATA);
      fixture.update("DROP GRAPH <http://example.org/g1>");
      assertThat(fixture.store.size(GraphSelector.NAMED)).isZero();
      assertThat(fixture.store.size(GraphSelector.DEFAULT)).isEqualTo(2);
      fixture.update(DATA);
      fixture.update("DROP ALL");
      assertThat(fixture.store.size()).isZero();
    }
  }

  @Test
  void aClearAndAnInsertInOneRequestCommitTogether() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("""
          PREFIX : <http://example.org/>
          CLEAR GRAPH :g1 ; INSERT DATA { GRAPH :g1 { :dave :name "Dave" } }""");
      assertThat(quads(fixture)).containsExactly(
          "<http://example.org/alice> <http://example.org/name> \"Alice\" .",
          "<http://example.org/bob> <http://example.org/name> \"Bob\" .",
          "<http://example.org/dave> <http://example.org/name> \"Dave\" <http://example.org/g1> .");
    }
  }

  /**
   * Another writer adds to a graph while a CLEAR of that graph waits for the store's writer lock:
   * the CLEAR must read what it removes once it holds the lock, so it clears what the other writer
   * committed. The other writer is an import that holds the lock while it reads its input, which
   * the test feeds only once the CLEAR's thread waits. Before 57d5c67 a clear with other changes
   * read its quads before taking the lock, and this test fails there (the imported quad survives).
   */
  @Test
  void aClearWaitingForAnotherWriterClearsWhatThatWriterAdded() throws Exception {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      java.io.PipedOutputStream feed = new java.io.PipedOutputStream();
      java.io.PipedInputStream input = new java.io.PipedInputStream(feed);
      Thread importer = new Thread(() -> fixture.store.importRdf(input, org.eclipse.rdf4j.rio.RDFFormat.NQUADS,
          io.triplestore.store.ImportOptions.strict()), "importer");
      importer.start();
      Thread clear;
      try {
        // The import holds the writer lock from before it reads its first byte.
        awaitWaiting(importer);
        // A clear with another change in one request: the clear becomes part of one atomic change.
        clear = new Thread(() -> fixture.update("""
            CLEAR GRAPH <http://example.org/g1> ;
            INSERT DATA { <http://example.org/frank> <http://example.org/name> "Frank" }"""), "clear");
        clear.start();
        awaitWaiting(clear);
        feed.write("<http://example.org/erin> <http://example.org/name> \"Erin\" <http://example.org/g1> .\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } finally {
        // Also on a failed wait: the import then ends and lets go of the writer lock.
        feed.close();
      }
      importer.join();
      clear.join();

      assertThat(fixture.store.size(GraphSelector.named(io.triplestore.store.Iri.of("http://example.org/g1"))))
          .as("the quad the import committed first is cleared").isZero();
      assertThat(fixture.store.size(GraphSelector.DEFAULT)).isEqualTo(3);
    }
  }

  private static void awaitWaiting(Thread thread) {
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
        .until(() -> thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
  }

  @Test
  void insertWhereReadsTheDefaultGraph() {
    try (SailFixture fixture = new SailFixture(directory)) {
      fixture.update(DATA);
      fixture.update("""
          PREFIX : <http://example.org/>
          INSERT { GRAPH :copy { ?s :name ?n } } WHERE { ?s :name ?n }""");
      assertThat(fixture.store.size(GraphSelector.named(io.triplestore.store.Iri.of("http://example.org/copy"))))
          .isEqualTo(2);
    }
  }

  @Test
  void namespacesAreKeptForTheLifeOfTheSail() {
    try (SailFixture fixture = new SailFixture(directory)) {
      try (RepositoryConnection connection = fixture.repository.getConnection()) {
        connection.setNamespace("ex", "http://example.org/");
      }
      try (RepositoryConnection connection = fixture.repository.getConnection()) {
        assertThat(connection.getNamespace("ex")).isEqualTo("http://example.org/");
        connection.removeNamespace("ex");
        assertThat(connection.getNamespaces().stream().toList()).isEmpty();
      }
    }
  }
}
