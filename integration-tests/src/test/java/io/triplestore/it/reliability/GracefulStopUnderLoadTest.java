package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.it.support.DaemonProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while clients create, read at and release leases and add triples. The daemon must exit
 * within its bound, log every lease it still held as released with {@code CLOSED} (and no lease
 * with another reason), write its last lines, and start clean on the same data afterwards with
 * every acknowledged triple.
 */
class GracefulStopUnderLoadTest {

  /** The bound for a stop. */
  private static final Duration STOP_BOUND = Duration.ofSeconds(10);
  private static final Pattern RELEASED = Pattern.compile("lease (\\d+) of (.+) released: ([A-Z_]+)");
  private static final String PREDICATE = "<http://it.example/stop#p>";
  private static final int CLIENTS = 3;
  private static final int HELD = 15;

  @TempDir
  Path workDir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void sigtermReleasesEveryLeaseWithClosedAndTheNextStartIsClean() throws Exception {
    int rounds = Figures.scale(3, 20);
    int cyclesBeforeStop = Figures.scale(60, 400);
    Figures figures = Figures.of("graceful stop under load (SIGTERM)");
    Set<String> acknowledgedTriples = ConcurrentHashMap.newKeySet();
    long operations = 0;
    long closedTotal = 0;
    long slowestStopMillis = 0;
    for (int round = 0; round < rounds; round++) {
      try (DaemonProcess daemon = DaemonProcess.in(workDir).start()) {
        Outcome outcome = stopUnderLoad(daemon, cyclesBeforeStop, acknowledgedTriples);
        operations += outcome.operations();
        closedTotal += outcome.closed();
        slowestStopMillis = Math.max(slowestStopMillis, outcome.stopMillis());
      }
    }
    try (DaemonProcess daemon = DaemonProcess.in(workDir).start()) {
      ApiClient api = new ApiClient(daemon.http());
      Set<String> stored = new HashSet<>(api.get("/triples?p=" + ApiClient.encode(PREDICATE)).body().lines().toList());
      Set<String> missing = new HashSet<>(acknowledgedTriples);
      missing.removeAll(stored);
      assertThat(api.leaseCount()).isZero();
      assertThat(warningsAndErrors(daemon.outputLines())).as("a clean start logs no warning or error").isEmpty();
      figures.put("operations", operations).put("faultsInjected", rounds).put("leasesClosedBySigterm", closedTotal)
          .put("slowestStopMillis", slowestStopMillis).put("acknowledgedTriples", acknowledgedTriples.size())
          .put("losses", missing.size()).print();
      assertThat(missing).as("acknowledged triples missing after the stops").isEmpty();
      assertThat(daemon.terminate(STOP_BOUND)).isEqualTo(143);
    }
  }

  private record Outcome(long operations, long closed, long stopMillis) {}

  private Outcome stopUnderLoad(DaemonProcess daemon, int cyclesBeforeStop, Set<String> acknowledgedTriples)
      throws Exception {
    ApiClient api = new ApiClient(daemon.http());
    Set<Long> created = ConcurrentHashMap.newKeySet();
    Set<Long> releasedByClient = ConcurrentHashMap.newKeySet();
    Set<Long> releaseInDoubt = ConcurrentHashMap.newKeySet();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    AtomicInteger cycles = new AtomicInteger();
    for (int i = 0; i < HELD; i++) {
      created.add(api.createLease("10m", "holder-" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String owner = "client-" + c;
      clients.add(pool.submit(() -> leaseLoop(api, owner, created, releasedByClient, releaseInDoubt, cycles, wrong)));
    }
    String prefix = "http://it.example/stop/" + daemon.pid();
    clients.add(pool.submit(() -> addLoop(api, prefix, acknowledgedTriples, wrong)));
    await().atMost(Duration.ofMinutes(2)).until(() -> cycles.get() >= cyclesBeforeStop);

    long begin = System.nanoTime();
    int exit = daemon.terminate(STOP_BOUND);
    long stopMillis = (System.nanoTime() - begin) / 1_000_000;
    for (Future<?> client : clients) {
      client.get(1, TimeUnit.MINUTES);
    }
    pool.shutdown();

    List<String> lines = daemon.outputLines();
    Map<Long, String> releasedInLog = new HashMap<>();
    for (String line : lines) {
      Matcher released = RELEASED.matcher(line);
      if (released.find()) {
        releasedInLog.put(Long.parseLong(released.group(1)), released.group(3));
      }
    }
    Set<Long> heldAtStop = new HashSet<>(created);
    heldAtStop.removeAll(releasedByClient);
    heldAtStop.removeAll(releaseInDoubt);

    assertThat(exit).as("exit code within %s:\n%s", STOP_BOUND, daemon.output()).isEqualTo(143);
    assertThat(wrong).isEmpty();
    assertThat(releasedInLog).as("every lease released in the stop is logged CLOSED").allSatisfy(
        (id, reason) -> assertThat(reason).isEqualTo("CLOSED"));
    assertThat(releasedInLog.keySet()).as("leases held at SIGTERM").containsAll(heldAtStop);
    assertThat(releasedInLog.keySet()).doesNotContainAnyElementsOf(releasedByClient);
    assertThat(lines).anySatisfy(line -> assertThat(line).contains("snapshot registry 'store' closed"));
    assertThat(lines.get(lines.size() - 1)).contains("triplestored stopped in");
    assertThat(daemon.crashReports()).isEmpty();
    return new Outcome(cycles.get() * 3L + created.size(), releasedInLog.size(), stopMillis);
  }

  /** Create, read at, release, until the daemon stops answering. */
  private static Void leaseLoop(ApiClient api, String owner, Set<Long> created, Set<Long> releasedByClient,
      Set<Long> releaseInDoubt, AtomicInteger cycles, Queue<String> wrong) throws InterruptedException {
    while (true) {
      long id;
      try {
        Reply create = api.send("POST", "/snapshots?ttl=10m&owner=" + owner, null, null);
        if (create.status() != 201) {
          expectStopping(create, wrong);
          return null;
        }
        id = create.json().get("id").asLong();
        created.add(id);
        Reply read = api.get("/triples?limit=10&snapshot=" + id);
        if (read.status() != 200) {
          expectStopping(read, wrong);
        }
      } catch (IOException stopped) {
        return null;
      }
      try {
        Reply release = api.release(id);
        if (release.status() == 204) {
          releasedByClient.add(id);
        } else {
          releaseInDoubt.add(id); // 410 CLOSED or 503 while stopping: the log decides
          expectStopping(release, wrong);
          return null;
        }
      } catch (IOException stopped) {
        releaseInDoubt.add(id);
        return null;
      }
      cycles.incrementAndGet();
    }
  }

  private static Void addLoop(ApiClient api, String prefix, Set<String> acknowledged, Queue<String> wrong)
      throws InterruptedException {
    for (int i = 0; ; i++) {
      String line = "<" + prefix + "/s" + i + "> " + PREDICATE + " \"" + i + "\" .";
      try {
        Reply reply = api.addTriples(line + "\n");
        if (!reply.ok()) {
          expectStopping(reply, wrong);
          return null;
        }
        acknowledged.add(line);
      } catch (IOException stopped) {
        return null;
      }
    }
  }

  /** While stopping the daemon may answer 503 (store closing) or 410 CLOSED; anything else is wrong. */
  private static void expectStopping(Reply reply, Queue<String> wrong) {
    boolean closing = reply.status() == 503
        || reply.status() == 410 && "CLOSED".equals(reply.json().path("reason").asText());
    if (!closing) {
      wrong.add(reply.toString());
    }
  }

  private static List<String> warningsAndErrors(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("<2>") || line.startsWith("<3>") || line.startsWith("<4>"))
        .toList();
  }
}
