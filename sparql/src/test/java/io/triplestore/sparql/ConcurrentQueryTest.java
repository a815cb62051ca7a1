package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries on several threads while another thread commits updates: every query sees a consistent
 * state (each update adds a pair of triples, so every count is even), and no lease is left held.
 */
class ConcurrentQueryTest {

  private static final int UPDATES = 50;
  private static final int READERS = 3;
  private static final int QUERIES_PER_READER = 40;

  @TempDir Path directory;

  @Test
  void queriesSeeWholeCommitsAndGiveBackTheirLeases() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(READERS + 1);
    try (SailFixture fixture = new SailFixture(directory)) {
      List<Future<?>> work = new ArrayList<>();
      work.add(threads.submit(() -> {
        for (int i = 0; i < UPDATES; i++) {
          fixture.update("INSERT DATA { <http://example.org/a" + i + "> <http://example.org/p> " + i
              + " . <http://example.org/b" + i + "> <http://example.org/p> " + i + " }");
        }
      }));
      for (int r = 0; r < READERS; r++) {
        work.add(threads.submit(() -> {
          for (int q = 0; q < QUERIES_PER_READER; q++) {
            try (RepositoryConnection connection = fixture.repository.getConnection();
                TupleQueryResult result = connection.prepareTupleQuery(
                    "SELECT (COUNT(*) AS ?n) { ?s <http://example.org/p> ?o }").evaluate()) {
              int count = Integer.parseInt(result.next().getValue("n").stringValue());
              assertThat(count % 2).as("a query saw half of a commit: %s triples", count).isZero();
            }
          }
        }));
      }
      for (Future<?> future : work) {
        future.get(2, TimeUnit.MINUTES);
      }
      assertThat(fixture.select("SELECT ?o { ?s <http://example.org/p> ?o }", "o")).hasSize(2 * UPDATES);
      assertThat(fixture.store.registry().count()).isZero();
    } finally {
      threads.shutdownNow();
    }
  }
}
