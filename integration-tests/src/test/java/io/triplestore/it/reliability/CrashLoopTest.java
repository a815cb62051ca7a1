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
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon killed with SIGKILL at random moments during HTTP ingest, again and again, on one
 * data directory. Every triple whose {@code POST /triples} was answered 2xx before the kill must
 * be there after the restart (writes are synced to the write-ahead log before the answer), and a
 * request cut by the kill is applied whole or not at all (each POST is one atomic batch).
 */
class CrashLoopTest {

  private static final String PREDICATE = "<http://it.example/crash#p>";
  private static final int WRITERS = 2;

  @TempDir
  Path workDir;

  /** One POST: its lines, whether the daemon answered 2xx. */
  private record Batch(List<String> lines, boolean acknowledged) {}

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void everyAcknowledgedTripleSurvivesSigkill() throws Exception {
    int cycles = Figures.scale(10, 60);
    long seed = Long.getLong("reliability.seed", System.nanoTime());
    Random random = new Random(seed);
    Queue<Batch> batches = new ConcurrentLinkedQueue<>();
    Queue<String> wrong = new ConcurrentLinkedQueue<>();
    int checksFailed = 0;
    Figures figures = Figures.of("crash loop (SIGKILL during ingest)").put("seed", seed);

    for (int cycle = 0; cycle < cycles; cycle++) {
      try (DaemonProcess daemon = DaemonProcess.in(workDir).start()) {
        ApiClient api = new ApiClient(daemon.http());
        checksFailed += missingAcknowledged(api, batches).size();
        int killAfter = 5 + random.nextInt(60);
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          String prefix = "http://it.example/crash/c" + cycle + "/w" + w;
          long writerSeed = random.nextLong();
          writers.add(pool.submit(() -> ingestUntilKilled(api, prefix, new Random(writerSeed), batches,
              acknowledged, wrong)));
        }
        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= killAfter || !daemon.isAlive());
        daemon.kill();
        for (Future<?> writer : writers) {
          writer.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(daemon.crashReports()).isEmpty();
      }
    }

    try (DaemonProcess daemon = DaemonProcess.in(workDir).start()) {
      ApiClient api = new ApiClient(daemon.http());
      List<String> missing = missingAcknowledged(api, batches);
      Set<String> stored = new HashSet<>(storedLines(api));
      long cut = batches.stream().filter(batch -> !batch.acknowledged()).count();
      long cutApplied = batches.stream().filter(batch -> !batch.acknowledged())
          .filter(batch -> stored.containsAll(batch.lines())).count();
      List<Batch> partial = batches.stream().filter(batch -> !batch.acknowledged())
          .filter(batch -> batch.lines().stream().anyMatch(stored::contains) && !stored.containsAll(batch.lines()))
          .toList();
      long acknowledgedTriples = batches.stream().filter(Batch::acknowledged).mapToLong(b -> b.lines().size()).sum();
      figures.put("operations", batches.size()).put("faultsInjected", cycles)
          .put("acknowledgedTriples", acknowledgedTriples).put("cutRequests", cut).put("cutRequestsApplied", cutApplied)
          .put("partialBatches", partial.size()).put("losses", missing.size() + checksFailed).print();

      assertThat(wrong).as("unexpected answers").isEmpty();
      assertThat(missing).as("acknowledged triples missing after the last restart").isEmpty();
      assertThat(checksFailed).as("acknowledged triples missing at an intermediate restart").isZero();
      assertThat(partial).as("requests cut by a kill and applied in part").isEmpty();
      assertThat(acknowledgedTriples).isPositive();
    }
  }

  /** POSTs small batches until the connection fails (the kill); records each with its outcome. */
  private static Void ingestUntilKilled(ApiClient api, String prefix, Random random, Queue<Batch> batches,
      AtomicInteger acknowledged, Queue<String> wrong) throws InterruptedException {
    for (int b = 0; ; b++) {
      List<String> lines = new ArrayList<>();
      int size = 1 + random.nextInt(20);
      for (int i = 0; i < size; i++) {
        lines.add("<" + prefix + "/b" + b + "/t" + i + "> " + PREDICATE + " \"" + random.nextInt() + "\" .");
      }
      Reply reply;
      try {
        reply = api.addTriples(String.join("\n", lines) + "\n");
      } catch (IOException killed) {
        batches.add(new Batch(lines, false));
        return null;
      }
      batches.add(new Batch(lines, reply.ok()));
      if (!reply.ok()) {
        wrong.add(reply.toString());
        return null;
      }
      acknowledged.incrementAndGet();
    }
  }

  private static List<String> missingAcknowledged(ApiClient api, Queue<Batch> batches) throws Exception {
    Set<String> stored = new HashSet<>(storedLines(api));
    return batches.stream().filter(Batch::acknowledged).flatMap(batch -> batch.lines().stream())
        .filter(line -> !stored.contains(line)).toList();
  }

  private static List<String> storedLines(ApiClient api) throws Exception {
    Reply reply = api.get("/triples?p=" + ApiClient.encode(PREDICATE));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.body().lines().toList();
  }
}
