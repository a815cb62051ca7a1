package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The force-release storm through the operator surface of the running daemon: HTTP clients read
 * at leases while an operator force-releases them through Jolokia (with credentials). Every read
 * answers with a consistent snapshot or 410 naming {@code FORCED}; no other status, no crash, and
 * when all is over the registry and RocksDB both count 0 snapshots.
 */
class ForceReleaseStormHttpTest {

  static final String USER = "operator";
  static final String PASSWORD = "storm-secret";
  private static final String LEFT = "<http://it.example/storm#left>";
  private static final String RIGHT = "<http://it.example/storm#right>";
  private static final int READERS = 3;
  /** Pairs kept in the store; small enough that a read's answer fits the daemon's first buffer. */
  private static final int WINDOW = 60;

  @TempDir
  Path workDir;

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void jolokiaForceReleasesAnswer410ForcedAndLeaveNoSnapshotBehind() throws Exception {
    int readsPerReader = Figures.scale(120, 5_000);
    Figures figures = Figures.of("force-release storm (HTTP + Jolokia)");
    try (DaemonProcess daemon = DaemonProcess.in(workDir).flag("jolokia.user", USER)
        .flag("jolokia.password", PASSWORD).start()) {
      ApiClient api = new ApiClient(daemon.http());
      JolokiaClient jolokia = new JolokiaClient(daemon.jolokia(), USER, PASSWORD);
      String registry = registryMBean(jolokia);
      AtomicLong requests = new AtomicLong();
      AtomicLong reads = new AtomicLong();
      AtomicLong gone = new AtomicLong();
      AtomicLong forced = new AtomicLong();
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      AtomicBoolean readersDone = new AtomicBoolean();

      ExecutorService pool = Executors.newFixedThreadPool(READERS + 2);
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        String owner = "storm-reader-" + r;
        readers.add(pool.submit(() -> {
          for (int i = 0; i < readsPerReader; i++) {
            readAtLease(api, owner, requests, reads, gone, wrong);
          }
          return null;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        for (long i = 0; !readersDone.get(); i++) {
          expectOk(api.addTriples(pair(i)), "add", wrong);
          if (i >= WINDOW) {
            expectOk(api.send("DELETE", "/triples", ApiClient.N_TRIPLES, pair(i - WINDOW)), "remove", wrong);
          }
          requests.addAndGet(2);
        }
        return null;
      });
      Future<?> operator = pool.submit(() -> {
        for (int round = 0; !readersDone.get(); round++) {
          if (round % 2 == 0) {
            JolokiaClient.Reply reply = jolokia.exec(registry, "forceReleaseOlderThan", 0);
            expectJolokiaOk(reply, wrong);
            forced.addAndGet(reply.value() == null ? 0 : reply.value().asLong());
          } else {
            for (JsonNode lease : api.get("/snapshots?limit=20").json().get("leases")) {
              JolokiaClient.Reply reply = jolokia.exec(registry, "forceRelease", lease.get("id").asLong());
              expectJolokiaOk(reply, wrong);
              forced.addAndGet(reply.value() != null && reply.value().asBoolean() ? 1 : 0);
            }
          }
        }
        return null;
      });
      for (Future<?> reader : readers) {
        reader.get();
      }
      readersDone.set(true);
      writer.get();
      operator.get();
      pool.shutdown();

      int leasesLeft = api.leaseCount();
      long registryNative = jolokia.read(registry, "RocksDbSnapshotCount").value().asLong();
      long storeNative = jolokia.read("io.triplestore:type=Store", "NativeSnapshots").value().asLong();
      long releasedForced = jolokia.read(registry, "ReleasedForced").value().asLong();
      int exit = daemon.terminate(Duration.ofSeconds(20));
      figures.put("operations", requests.get()).put("consistentReads", reads.get())
          .put("faultsInjected", forced.get()).put("readsAnswered410Forced", gone.get())
          .put("wrongAnswers", wrong.size()).put("leasesLeft", leasesLeft)
          .put("rocksdbNumSnapshots", storeNative).put("crashReports", daemon.crashReports().size())
          .put("losses", wrong.size()).print();

      assertThat(wrong).as("answers other than consistent data or 410 FORCED").isEmpty();
      assertThat(forced.get()).isPositive();
      assertThat(gone.get()).as("reads that met a forced release").isPositive();
      assertThat(releasedForced).isEqualTo(forced.get());
      assertThat(leasesLeft).isZero();
      assertThat(registryNative).as("rocksdb.num-snapshots seen by the registry").isZero();
      assertThat(storeNative).as("rocksdb.num-snapshots seen by the store").isZero();
      assertThat(exit).as("exit code after SIGTERM:\n%s", daemon.output()).isEqualTo(143);
      assertThat(daemon.crashReports()).isEmpty();
    }
  }

  /** The registry's MXBean name, as Jolokia finds it. */
  static String registryMBean(JolokiaClient jolokia) throws Exception {
    JolokiaClient.Reply reply = jolokia.search("io.triplestore:type=SnapshotRegistry,*");
    assertThat(reply.failed()).as("search: %s", reply.body()).isFalse();
    assertThat(reply.value()).as("registry MBeans: %s", reply.body()).hasSize(1);
    return reply.value().get(0).asText();
  }

  private static void readAtLease(ApiClient api, String owner, AtomicLong requests, AtomicLong reads,
      AtomicLong gone, Queue<String> wrong) throws Exception {
    long id = api.createLease("1m", owner);
    Reply left = api.get("/triples?p=" + ApiClient.encode(LEFT) + "&snapshot=" + id);
    Reply right = left.status() == 200 ? api.get("/triples?p=" + ApiClient.encode(RIGHT) + "&snapshot=" + id) : left;
    Reply release = api.release(id);
    requests.addAndGet(left == right ? 3 : 4);
    if (left.status() == 200 && right.status() == 200) {
      long leftLines = left.body().lines().count();
      long rightLines = right.body().lines().count();
      if (leftLines != rightLines) {
        wrong.add("lease " + id + ": " + leftLines + " left but " + rightLines + " right");
      }
      reads.incrementAndGet();
    } else {
      expectForced(left.status() == 200 ? right : left, id, wrong);
      gone.incrementAndGet();
    }
    if (release.status() != 204) {
      expectForced(release, id, wrong);
    }
  }

  private static void expectForced(Reply reply, long id, Queue<String> wrong) {
    if (reply.status() != 410 || !"FORCED".equals(reply.json().path("reason").asText())
        || reply.json().path("id").asLong() != id) {
      wrong.add("lease " + id + ": " + reply);
    }
  }

  private static void expectOk(Reply reply, String what, Queue<String> wrong) {
    if (!reply.ok()) {
      wrong.add(what + ": " + reply);
    }
  }

  private static void expectJolokiaOk(JolokiaClient.Reply reply, Queue<String> wrong) {
    if (reply.failed()) {
      wrong.add("jolokia: " + reply.body());
    }
  }

  private static String pair(long i) {
    String subject = "<http://it.example/storm/s" + i + ">";
    String object = "<http://it.example/o" + i + ">";
    return subject + " " + LEFT + " " + object + " .\n" + subject + " " + RIGHT + " " + object + " .\n";
  }
}
