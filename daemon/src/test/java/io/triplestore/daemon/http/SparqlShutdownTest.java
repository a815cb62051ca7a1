package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stop of the server (the daemon's SIGTERM) stops running SPARQL queries at once, with a 503 that says so. */
class SparqlShutdownTest {

  @TempDir
  Path dir;

  @Test
  void aStopEndsARunningQueryWithinASecondWith503() throws Exception {
    try (TripleStore store = TripleStore.open(dir.resolve("data"), StoreOptions.builder().build())) {
      store.add(IntStream.range(0, 3000).mapToObj(i -> new Triple(Iri.of("http://example.org/n" + i),
          Iri.of("http://example.org/n"), Literal.of(String.format("%05d", i)))).toList());
      // A stop timeout far above a second: the query must not be what the stop waits for.
      Configuration config = Configuration.resolve(Map.of("http.port", "0", "shutdown.timeout", "30s"), Map.of(),
          Optional.empty());
      ApiServer server = ApiServer.start(store, HttpSettings.from(config), SparqlSettings.from(config));
      String query = SparqlEndpointTest.encode(SparqlEndpointTest.LONG_QUERY);
      CompletableFuture<HttpResponse<String>> running = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + server.address().getPort() + "/sparql?query=" + query)).build(),
          HttpResponse.BodyHandlers.ofString());
      await().atMost(Duration.ofSeconds(10)).until(() -> store.registry().count() == 1);

      CompletableFuture<Void> stop = CompletableFuture.runAsync(server::close);
      await().atMost(Duration.ofSeconds(1)).until(running::isDone);
      HttpResponse<String> response = running.get();
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("the daemon is stopping").contains("snapshot lease");
      stop.get();
      assertThat(store.registry().count()).isZero();
    }
  }
}
