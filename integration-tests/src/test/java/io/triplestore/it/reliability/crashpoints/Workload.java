package io.triplestore.it.reliability.crashpoints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.JolokiaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What runs against one life of the daemon until it is killed: an atomic writer (adds of 1 to 20
 * new triples, removes of triples it added, re-adds of triples it removed), a bulk loader
 * ({@code ?mode=bulk} of 1 to 4 batches, progress as JSON lines) and an operator (compaction,
 * forced bottommost compaction, flush over Jolokia, one after every few atomic writes). Each
 * records in the {@link Ledger} what the daemon acknowledged and what the kill cut. Atomic and bulk
 * triples share terms (a pool, and the subjects of bulk triples not yet acknowledged), so an atomic
 * write can depend on a term that only a bulk batch introduced.
 *
 * <p>Concurrency: one thread per role; they share the ledger (synchronized), the term pool
 * (a concurrent queue) and counters (atomics). Each ends at the first failed connection: the kill.
 */
final class Workload {

  static final String PREFIX = "http://it.example/cp/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] MAINTENANCE = {"compact()", "reclaim()", "flush()"};

  private final ApiClient api;
  private final URI http;
  private final JolokiaClient jolokia;
  private final Ledger ledger;
  private final int bulkBatch;
  private final String life;
  private final Queue<String> recentBulkSubjects = new ConcurrentLinkedQueue<>();
  private final Semaphore maintenancePermits = new Semaphore(0);
  private final AtomicBoolean killed = new AtomicBoolean();
  private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
  final AtomicLong acknowledged = new AtomicLong();
  final AtomicLong bulkBatchesAcknowledged = new AtomicLong();
  final AtomicLong maintenanceDone = new AtomicLong();
  final AtomicLong cutRequests = new AtomicLong();

  Workload(URI http, JolokiaClient jolokia, Ledger ledger, int bulkBatch, String life) {
    this.api = new ApiClient(http);
    this.http = http;
    this.jolokia = jolokia;
    this.ledger = ledger;
    this.bulkBatch = bulkBatch;
    this.life = life;
  }

  /** Answers that were neither a success nor a cut connection: each one is a violation. */
  List<String> unexpectedAnswers() {
    return List.copyOf(unexpected);
  }

  /** Tells the roles that the daemon is gone, so the operator stops waiting for permits. */
  void killed() {
    killed.set(true);
  }

  /** A triple line; objects are a literal, a pool IRI, or the subject of a bulk triple. */
  String object(Random random) {
    int kind = random.nextInt(10);
    if (kind < 4) {
      return "\"" + random.nextInt(1000) + "\"";
    }
    String bulkSubject = kind < 7 ? recentBulkSubjects.peek() : null;
    return bulkSubject != null ? bulkSubject : "<" + PREFIX + "pool/" + random.nextInt(500) + ">";
  }

  void atomicWriter(Random random) {
    List<String> mine = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (int op = 0; ; op++) {
      boolean remove = !mine.isEmpty() && random.nextInt(100) < 35;
      List<String> lines = remove ? pick(mine, 1 + random.nextInt(10), random) : newLines(op, random, removed);
      try {
        ApiClient.Reply reply = api.send(remove ? "DELETE" : "POST", "/triples", ApiClient.N_TRIPLES,
            String.join("\n", lines) + "\n");
        if (!reply.ok()) {
          unexpected.add((remove ? "DELETE" : "POST") + " /triples answered " + reply);
          return;
        }
      } catch (IOException | InterruptedException e) {
        ledger.cut(lines, true);
        cutRequests.incrementAndGet();
        return;
      }
      if (remove) {
        ledger.acknowledgedRemove(lines);
        mine.removeAll(lines);
        removed.addAll(lines);
      } else {
        ledger.acknowledgedAdd(lines);
        mine.addAll(lines);
        removed.removeAll(lines);
      }
      acknowledged.incrementAndGet();
      if (op % 4 == 3) {
        maintenancePermits.release();
      }
    }
  }

  private List<String> newLines(int op, Random random, List<String> removed) {
    List<String> lines = new ArrayList<>();
    int size = 1 + random.nextInt(20);
    for (int i = 0; i < size; i++) {
      lines.add("<" + PREFIX + "a/" + life + "/" + op + "/" + i + "> <" + PREFIX + "p" + random.nextInt(3) + "> "
          + object(random) + " .");
    }
    if (!removed.isEmpty() && random.nextBoolean()) {
      lines.addAll(pick(removed, 1 + random.nextInt(2), random));
    }
    return lines;
  }

  private static List<String> pick(List<String> from, int count, Random random) {
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < count && i < from.size(); i++) {
      String line = from.get(random.nextInt(from.size()));
      if (!picked.contains(line)) {
        picked.add(line);
      }
    }
    return picked;
  }

  void bulkLoader(Random random) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (int load = 0; ; load++) {
      List<String> lines = new ArrayList<>();
      int size = bulkBatch * (1 + random.nextInt(4)) + random.nextInt(bulkBatch);
      for (int i = 0; i < size; i++) {
        String subject = "<" + PREFIX + "b/" + life + "/" + load + "/" + i + ">";
        lines.add(subject + " <" + PREFIX + "bulk> " + object(random) + " .");
        if (i % 97 == 0) {
          recentBulkSubjects.add(subject);
          if (recentBulkSubjects.size() > 64) {
            recentBulkSubjects.poll();
          }
        }
      }
      if (!bulkLoad(client, lines)) {
        return;
      }
    }
  }

  /** One bulk POST; true when it completed, false when the kill cut it (or it failed). */
  private boolean bulkLoad(HttpClient client, List<String> lines) {
    HttpRequest request = HttpRequest.newBuilder(http.resolve("/triples?mode=bulk"))
        .header("Content-Type", ApiClient.N_TRIPLES).header("Accept", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines) + "\n", StandardCharsets.UTF_8)).build();
    int acked = 0;
    try {
      HttpResponse<Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> progress = response.body()) {
        for (Iterator<String> it = progress.iterator(); it.hasNext(); ) {
          JsonNode line = JSON.readTree(it.next());
          if (line.has("done")) {
            ledger.acknowledgedAdd(lines.subList(acked, lines.size()));
            bulkBatchesAcknowledged.incrementAndGet();
            acknowledged.incrementAndGet();
            return true;
          }
          if (line.has("error")) {
            unexpected.add("bulk load answered " + line);
            ledger.cut(lines.subList(acked, lines.size()), false);
            return false;
          }
          int committed = line.get("committed").asInt();
          ledger.acknowledgedAdd(lines.subList(acked, committed));
          acked = committed;
          bulkBatchesAcknowledged.incrementAndGet();
          acknowledged.incrementAndGet();
        }
      }
      // The stream ended without "done": the kill cut the answer.
    } catch (IOException | UncheckedIOException | InterruptedException e) {
      // The kill: the connection failed.
    }
    // The daemon's bulk mode of N-Triples is the SST path: one commit, so what the kill cut is
    // there whole or not at all (the batched path would allow any prefix of batches).
    ledger.cut(lines.subList(acked, lines.size()), true);
    cutRequests.incrementAndGet();
    return false;
  }

  void operator(Random random) {
    while (!killed.get()) {
      try {
        if (!maintenancePermits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
          continue;
        }
        String operation = MAINTENANCE[random.nextInt(MAINTENANCE.length)];
        JolokiaClient.Reply reply = jolokia.exec("io.triplestore:type=Store", operation);
        if (reply.failed()) {
          if (!killed.get()) {
            unexpected.add("Jolokia " + operation + " answered " + reply.body());
          }
          return;
        }
        maintenanceDone.incrementAndGet();
      } catch (IOException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
