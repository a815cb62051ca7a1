package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JMX part of the bad input catalogue, through Jolokia with valid credentials: wrong argument
 * types and counts, out-of-range values, unknown operations and attributes, malformed requests.
 * Each is refused with an error, and the leases (ids and TTLs), the release counters and the
 * store's content are what they were.
 */
class BadJolokiaInputTest {

  private static final String REGISTRY = "io.triplestore:type=SnapshotRegistry,name=store";
  private static final String STORE = "io.triplestore:type=Store";
  private static final AtomicInteger TRIED = new AtomicInteger();
  private static final Figures FIGURES = Figures.of("bad input catalogue (Jolokia/JMX)");
  private static DaemonProcess daemon;
  private static ApiClient api;
  private static JolokiaClient jolokia;
  private static long liveLease;

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = DaemonProcess.in(Files.createTempDirectory("bad-jolokia")).flag("jolokia.user", "ops")
        .flag("jolokia.password", "s3cret").start();
    api = new ApiClient(daemon.http());
    jolokia = new JolokiaClient(daemon.jolokia(), "ops", "s3cret");
    api.addTriples("<http://it.example/s> <http://it.example/p> \"kept\" .\n");
    liveLease = api.createLease("30m", "jolokia-catalogue");
  }

  @AfterAll
  static void stopDaemon() {
    FIGURES.put("badInputsTried", TRIED.get())
        .put("operations", TRIED.get() * 4).put("losses", 0).print();
    daemon.close();
  }

  /** One bad Jolokia request; {@code raw} is sent as the body when not null. */
  record BadRequest(String type, String mbean, String name, Object[] arguments, String raw) {}

  static Stream<Arguments> badRequests() {
    return Stream.of(
        exec("lease id that is not a number", "forceRelease", "abc"),
        exec("no lease id", "forceRelease"),
        exec("two lease ids", "forceRelease", 1, 2),
        exec("negative age", "forceReleaseOlderThan", -1),
        exec("age that is not a number", "forceReleaseOlderThan", "old"),
        exec("blank owner", "forceReleaseOwner", ""),
        exec("renew with a negative TTL", "renew", "LIVE", -5_000),
        exec("renew with a zero TTL", "renew", "LIVE", 0),
        exec("renew above the maximum TTL", "renew", "LIVE", 365L * 24 * 3600 * 1000),
        exec("renew of an unknown lease", "renew", 987_654, 60_000),
        exec("info with a negative limit", "info", -1),
        exec("renew with a TTL that is not a number", "renew", "LIVE", "soon"),
        exec("unknown operation", "dropEverything"),
        row("unknown attribute", new BadRequest("read", REGISTRY, "Everything", null, null)),
        row("write of a read-only attribute", new BadRequest("write", REGISTRY, "Count", new Object[] {0}, null)),
        row("exec on an MBean that does not exist", new BadRequest("exec", "io.triplestore:type=Nothing", "x",
            new Object[0], null)),
        row("store operation with an argument", new BadRequest("exec", STORE, "compact", new Object[] {1}, null)),
        row("malformed JSON", new BadRequest(null, null, null, null, "{\"type\":\"exec\",")),
        row("unknown request type", new BadRequest(null, null, null, null, "{\"type\":\"format\",\"mbean\":\""
            + REGISTRY + "\"}")),
        row("malformed object name", new BadRequest("read", "io.triplestore:type=", "Count", null, null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void badJolokiaRequestIsRefusedAndChangesNothing(BadRequest request) throws Exception {
    String before = state();

    JolokiaClient.Reply reply = send(request);
    TRIED.incrementAndGet();

    assertThat(reply.failed()).as("refused: %s", reply.body()).isTrue();
    assertThat(reply.error()).as("an error that says why").isNotBlank();
    assertThat(state()).as("state after %s", reply.body()).isEqualTo(before);
  }

  /** Leases with their TTLs, release counters, triples. */
  private static String state() throws Exception {
    List<String> leases = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode lease : api.get("/snapshots").json().get("leases")) {
      leases.add(lease.get("id").asText() + ":" + lease.get("ttlMillis").asText());
    }
    return leases + " released=" + jolokia.read(REGISTRY, "TotalReleased").value() + " " + api.export();
  }

  private static JolokiaClient.Reply send(BadRequest request) throws Exception {
    if (request.raw() != null) {
      return jolokia.postRaw(request.raw());
    }
    Object[] arguments = request.arguments() == null ? new Object[0] : request.arguments().clone();
    for (int i = 0; i < arguments.length; i++) {
      if ("LIVE".equals(arguments[i])) {
        arguments[i] = liveLease;
      }
    }
    return switch (request.type()) {
      case "exec" -> jolokia.exec(request.mbean(), request.name(), arguments);
      case "read" -> jolokia.read(request.mbean(), request.name());
      default -> jolokia.write(request.mbean(), request.name(), arguments[0]);
    };
  }

  private static Arguments exec(String name, String operation, Object... arguments) {
    return row(name, new BadRequest("exec", REGISTRY, operation, arguments, null));
  }

  private static Arguments row(String name, BadRequest request) {
    return Arguments.of(Named.of(name, request));
  }
}
