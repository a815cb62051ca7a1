package io.triplestore.it.daemon;

import static io.triplestore.it.daemon.Json.body;
import static io.triplestore.it.daemon.Json.encode;
import static io.triplestore.it.daemon.Json.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP API and the read-only Jolokia of one daemon process, started from the archive. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DaemonApiTest {

  @TempDir
  static Path work;

  DaemonProcess daemon;
  final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws Exception {
    daemon = DaemonProcess.start(work, List.of("--data.dir=" + work.resolve("data"), "--snapshot.tick=100ms"), Map.of());
  }

  @AfterAll
  void stop() throws Exception {
    daemon.close();
  }

  @Test
  void healthIsUp() throws Exception {
    assertThat(body(daemon.send("GET", "/health", null), 200)).containsEntry("status", "UP")
        .containsKeys("uptimeMillis", "leases");
  }

  @Test
  void addedTriplesAreMatched() throws Exception {
    assertThat(body(daemon.send("POST", "/triples", lines("match", 0, 3)), 200)).containsEntry("added", 3);
    HttpResponse<String> matched = daemon.send("GET", "/triples?s=" + encode("<http://ex/match/1>"), null);
    assertThat(matched.statusCode()).isEqualTo(200);
    assertThat(matched.body()).isEqualTo(line("match", 1));
  }

  @Test
  void aLeaseReadsOneConsistentStateWhileWritesGoOn() throws Exception {
    body(daemon.send("POST", "/triples", lines("steady", 0, 50)), 200);
    long lease = id(daemon.send("POST", "/snapshots?ttl=PT1M&owner=consistency-test", null));
    String pattern = "/triples?p=" + encode("<http://ex/p/steady>");
    String atLease = "/triples?snapshot=" + lease + "&p=" + encode("<http://ex/p/steady>");
    String before = daemon.send("GET", atLease, null).body();
    assertThat(before.lines()).hasSize(50);

    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger batches = new AtomicInteger();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      while (writing.get()) {
        int n = batches.getAndIncrement();
        try {
          body(daemon.send("POST", "/triples", lines("steady", 1000 + n * 10, 10)), 200);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        assertThat(daemon.send("GET", atLease, null).body()).isEqualTo(before);
        return batches.get() >= 10;
      });
    } finally {
      writing.set(false);
      writer.join();
    }
    assertThat(daemon.send("GET", atLease, null).body()).isEqualTo(before);
    assertThat(daemon.send("GET", pattern, null).body().lines().count()).isGreaterThanOrEqualTo(50 + 10 * 10);

    Map<String, Object> renewed = body(daemon.send("POST", "/snapshots/" + lease + "/renew?ttl=PT2M", null), 200);
    assertThat(renewed).containsEntry("ttlMillis", 120_000).containsEntry("owner", "consistency-test");
    assertThat(daemon.send("DELETE", "/snapshots/" + lease, null).statusCode()).isEqualTo(204);
    assertThat(body(daemon.send("GET", atLease, null), 410)).containsEntry("reason", "MANUAL");
  }

  @Test
  void aShortLeaseExpiresAndThenAnswers410Expired() throws Exception {
    long lease = id(daemon.send("POST", "/snapshots?ttl=300&owner=short-lived", null));
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> daemon.send("GET", "/snapshots/" + lease, null).statusCode() == 410);
    assertThat(body(daemon.send("GET", "/triples?snapshot=" + lease, null), 410)).containsEntry("reason", "EXPIRED");
    await().atMost(Duration.ofSeconds(5)).until(() -> daemon.output().contains("lease " + lease + " of short-lived released: EXPIRED"));
    assertThat(daemon.output()).contains("lease " + lease + " of short-lived expires in");
  }

  @Test
  void jolokiaReadsTheLeaseCountButRefusesExecWithoutCredentials() throws Exception {
    long lease = id(daemon.send("POST", "/snapshots?ttl=PT1M&owner=jolokia-reader", null));
    int live = ((Number) body(daemon.send("GET", "/health", null), 200).get("leases")).intValue();
    Map<String, Object> count = jolokia("read/io.triplestore:type=SnapshotRegistry,name=store/Count");
    assertThat(count).containsEntry("status", 200).containsEntry("value", live);
    assertThat(jolokia("read/io.triplestore:type=Store/Triples")).containsEntry("status", 200);

    // Jolokia answers HTTP 200 and puts its verdict, 403, in the JSON status.
    Map<String, Object> exec = jolokia("exec/io.triplestore:type=SnapshotRegistry,name=store/forceRelease(long)/" + lease);
    assertThat(exec).containsEntry("status", 403).doesNotContainKey("value");
    assertThat(daemon.send("GET", "/snapshots/" + lease, null).statusCode()).isEqualTo(200);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> jolokia(String path) throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(daemon.jolokiaUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), Map.class);
  }

  static String line(String group, int i) {
    return "<http://ex/" + group + "/" + i + "> <http://ex/p/" + group + "> \"" + group + " " + i + "\" .\n";
  }

  static String lines(String group, int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> line(group, i)).collect(Collectors.joining());
  }
}
