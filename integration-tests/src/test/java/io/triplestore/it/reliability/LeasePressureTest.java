package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.it.support.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients push the daemon to {@code snapshot.max-leases} and past it: every extra create is a 429
 * and the live count never grows past the limit. Clients that vanish without releasing leave
 * leases that expire on their short TTL, are counted and logged as {@code EXPIRED}, and give the
 * capacity back.
 */
class LeasePressureTest {

  private static final int MAX_LEASES = 20;
  private static final int CLIENTS = 4;

  @TempDir
  Path workDir;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void leasesStopAtTheLimitAndVanishedClientsLeasesExpire() throws Exception {
    int attemptsPerClient = Figures.scale(15, 500);
    int vanishingRounds = Figures.scale(2, 10);
    Figures figures = Figures.of("lease pressure (max-leases, vanished clients)");
    try (DaemonProcess daemon = DaemonProcess.in(workDir).flag("snapshot.max-leases", String.valueOf(MAX_LEASES))
        .flag("snapshot.tick", "100ms").start()) {
      ApiClient api = new ApiClient(daemon.http());
      Set<Long> created = ConcurrentHashMap.newKeySet();
      AtomicInteger refused = new AtomicInteger();
      AtomicInteger mostSeen = new AtomicInteger();
      Queue<String> wrong = new ConcurrentLinkedQueue<>();
      AtomicBoolean pushing = new AtomicBoolean(true);

      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      Future<?> monitor = pool.submit(() -> {
        while (pushing.get()) {
          mostSeen.accumulateAndGet(api.leaseCount(), Math::max);
        }
        return null;
      });
      List<Future<?>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String owner = "pressing-" + c;
        clients.add(pool.submit(() -> {
          for (int i = 0; i < attemptsPerClient; i++) {
            Reply reply = api.send("POST", "/snapshots?ttl=10m&owner=" + owner, null, null);
            if (reply.status() == 201) {
              created.add(reply.json().get("id").asLong());
            } else if (reply.status() == 429 && reply.json().path("error").asText().equals("too_many_leases")
                && reply.json().path("limit").asInt() == MAX_LEASES) {
              refused.incrementAndGet();
            } else {
              wrong.add(reply.toString());
            }
          }
          return null;
        }));
      }
      for (Future<?> client : clients) {
        client.get();
      }
      pushing.set(false);
      monitor.get();
      mostSeen.accumulateAndGet(api.leaseCount(), Math::max);

      assertThat(wrong).isEmpty();
      assertThat(created).hasSize(MAX_LEASES);
      assertThat(refused.get()).isEqualTo(CLIENTS * attemptsPerClient - MAX_LEASES);
      assertThat(mostSeen.get()).as("live leases seen at most").isEqualTo(MAX_LEASES);
      for (long id : created) {
        assertThat(api.release(id).status()).isEqualTo(204);
      }
      assertThat(api.leaseCount()).isZero();

      int vanished = 0;
      List<Long> vanishedIds = new ArrayList<>();
      for (int round = 0; round < vanishingRounds; round++) {
        // Clients take every lease there is on a short TTL, then vanish without a word.
        for (int i = 0; i < MAX_LEASES; i++) {
          vanishedIds.add(api.createLease("1s", "vanishing-" + round + "-" + i));
          vanished++;
        }
        assertThat(api.send("POST", "/snapshots?ttl=1s", null, null).status()).isEqualTo(429);
        refused.incrementAndGet();
        await().atMost(Duration.ofSeconds(30)).until(() -> api.leaseCount() == 0);
      }
      for (long id : vanishedIds) {
        Reply reply = api.get("/snapshots/" + id);
        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().path("reason").asText()).isEqualTo("EXPIRED");
      }
      long expiredLogged = daemon.outputLines().stream().filter(line -> line.contains(" of vanishing-")
          && line.contains("released: EXPIRED")).count();
      long warnedLogged = daemon.outputLines().stream().filter(line -> line.contains(" of vanishing-")
          && line.contains("expires in")).count();
      int capacityBack = api.createLease("1m", "after-pressure") > 0 ? 1 : 0;

      figures.put("operations", CLIENTS * attemptsPerClient + vanished + created.size())
          .put("refused429", refused.get()).put("mostLiveLeases", mostSeen.get()).put("limit", MAX_LEASES)
          .put("faultsInjected", vanished).put("expiredCounted", expiredLogged).put("expiryWarnings", warnedLogged)
          .put("losses", Math.max(0, mostSeen.get() - MAX_LEASES)).print();
      assertThat(expiredLogged).as("vanished leases logged EXPIRED").isEqualTo(vanished);
      assertThat(warnedLogged).as("vanished leases warned about first").isEqualTo(vanished);
      assertThat(capacityBack).isOne();
    }
  }
}
