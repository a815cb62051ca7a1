package io.triplestore.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.ApiClient.Reply;
import io.triplestore.it.support.DaemonProcess;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A renew answered 200 is a promise: the lease lives until its new deadline. Leases are created
 * with TTLs of a few milliseconds at a 10 ms tick and renewed (to 30 s) at once, so many renews
 * land where the expiry check claims the lease; after every 200 the lease must still be live,
 * never released {@code EXPIRED} (the race the registry had: a 200 renew followed 0.5-2 ms later by
 * an EXPIRED release of the old deadline).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewRaceHttpTest {

  private final Figures figures = Figures.of("renew race (HTTP)");
  private DaemonProcess daemon;
  private ApiClient api;

  @BeforeAll
  void startDaemon() throws Exception {
    daemon = DaemonProcess.in(Files.createTempDirectory("renew-race")).flag("snapshot.tick", "10ms").start();
    api = new ApiClient(daemon.http());
  }

  @AfterAll
  void stopDaemon() {
    daemon.close();
  }

  @Test
  void aRenewAnswered200IsNeverFollowedByAnExpiryOfTheOldDeadline() throws Exception {
    SplittableRandom random = new SplittableRandom(13);
    int rounds = Figures.scale(2_000, 20_000);
    int renewed = 0;
    int expiredFirst = 0;
    List<String> broken = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      long id = api.createLease((1 + random.nextInt(20)) + "ms", "renew-race");
      Reply renew = api.send("POST", "/snapshots/" + id + "/renew?ttl=30s", null, null);
      if (renew.status() == 410) {
        expiredFirst++; // expired before the renew arrived: a fair refusal
        continue;
      }
      assertThat(renew.status()).as(renew.body()).isEqualTo(200);
      renewed++;
      Reply after = api.get("/snapshots/" + id);
      if (after.status() != 200) {
        broken.add("lease " + id + ": renew 200, then " + after.body());
      } else {
        api.release(id);
      }
    }
    figures.put("rounds", rounds).put("renewed", renewed).put("expiredBeforeRenew", expiredFirst)
        .put("expiredAfterA200Renew", broken.size()).print();
    assertThat(broken).as("%d of %d renews answered 200 were followed by a release", broken.size(), renewed)
        .isEmpty();
  }
}
