package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/triplestorectl} of the shipped archive against a started daemon with Jolokia
 * credentials set: every command, its output, and its exit code for each kind of failure.
 */
class TriplestorectlTest {

  private static final String USER = "ops";
  private static final String PASSWORD = "ctl-secret";

  @TempDir static Path dir;
  private static DaemonProcess daemon;
  private static ApiClient api;
  private static Triplestorectl ctl;

  @BeforeAll
  static void startDaemon() {
    daemon = DaemonProcess.in(dir.resolve("daemon"))
        .env("TRIPLESTORE_JOLOKIA_USER", USER)
        .env("TRIPLESTORE_JOLOKIA_PASSWORD", PASSWORD)
        .start();
    api = new ApiClient(daemon.http());
    ctl = Triplestorectl.against(daemon, dir.resolve("ctl"), USER, PASSWORD);
  }

  @AfterAll
  static void stopDaemon() {
    if (daemon != null) {
      daemon.close();
    }
  }

  @Test
  void leasesListsTheLiveLeasesOldestFirstAsATableAndAsJson() throws Exception {
    long older = api.createLease("10m", "ctl-table-older");
    long younger = api.createLease("30s", "ctl-table-younger");

    Triplestorectl.Run table = ctl.run("leases");

    assertThat(table.exitCode()).as(table.err()).isZero();
    List<String> lines = table.outLines();
    assertThat(lines.get(0)).startsWith("ID").contains("OWNER", "AGE", "TTL", "REMAINING", "STATE", "THREAD", "CREATED");
    int olderLine = lineOf(lines, older + " ");
    int youngerLine = lineOf(lines, younger + " ");
    assertThat(olderLine).isPositive().isLessThan(youngerLine);
    assertThat(lines.get(olderLine)).contains("ctl-table-older", "10m 00s");
    assertThat(lines.get(olderLine).indexOf("ctl-table-older")).isEqualTo(lines.get(0).indexOf("OWNER"));

    Triplestorectl.Run json = ctl.run("leases", "--json", "--limit", "1000");

    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode rows = new ObjectMapper().readTree(json.out());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.findValuesAsText("owner")).contains("ctl-table-older", "ctl-table-younger");
  }

  @Test
  void leaseShowsOneLeaseAndAnUnknownIdIsRefusedWithExitCodeOne() throws Exception {
    long id = api.createLease("5m", "ctl-one");

    Triplestorectl.Run shown = ctl.run("lease", Long.toString(id));
    Triplestorectl.Run unknown = ctl.run("lease", "987654");

    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.outLines()).contains("id         " + id, "owner      ctl-one", "ttl        5m 00s");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip())
        .isEqualTo("triplestorectl: no live snapshot lease with id 987654 in snapshot registry 'store'");
  }

  @Test
  void releaseByIdByOwnerAndByAgeForceReleasesAndSaysWhat() throws Exception {
    long one = api.createLease("10m", "ctl-release-one");
    long a = api.createLease("10m", "ctl-release-owner");
    long b = api.createLease("10m", "ctl-release-owner");

    Triplestorectl.Run byId = ctl.run("release", Long.toString(one));
    Triplestorectl.Run again = ctl.run("release", Long.toString(one));
    Triplestorectl.Run byOwner = ctl.run("release", "--owner", "ctl-release-owner");

    assertThat(byId.out().strip()).isEqualTo("released lease " + one + " (reason FORCED)");
    assertThat(again.out().strip()).isEqualTo("lease " + one + " had already been released");
    assertThat(byOwner.out().strip()).isEqualTo("released 2 leases of owner 'ctl-release-owner'");
    assertThat(List.of(byId.exitCode(), again.exitCode(), byOwner.exitCode())).containsOnly(0);
    for (long id : new long[] {one, a, b}) {
      ApiClient.Reply reply = api.get("/snapshots/" + id);
      assertThat(reply.status()).isEqualTo(410);
      assertThat(reply.body()).contains("FORCED");
    }

    long old = api.createLease("10m", "ctl-release-age");
    Triplestorectl.Run byAge = ctl.run("release", "--older-than", "1ms");
    assertThat(byAge.exitCode()).as(byAge.err()).isZero();
    assertThat(byAge.out()).startsWith("released ").contains(" older than 1ms");
    assertThat(api.get("/snapshots/" + old).status()).isEqualTo(410);
  }

  @Test
  void renewRestartsTheClock() throws Exception {
    long id = api.createLease("30s", "ctl-renew");

    Triplestorectl.Run renewed = ctl.run("renew", Long.toString(id), "20m");

    assertThat(renewed.exitCode()).as(renewed.err()).isZero();
    assertThat(renewed.out()).startsWith("renewed lease " + id + " of ctl-renew: expires in 19m 5");
    assertThat(api.get("/snapshots/" + id).json().get("ttlMillis").asLong()).isEqualTo(1_200_000L);

    Triplestorectl.Run aboveMax = ctl.run("renew", Long.toString(id), "2h");
    assertThat(aboveMax.exitCode()).isEqualTo(1);
    assertThat(aboveMax.err()).startsWith("triplestorectl: ").contains("max TTL");
    assertThat(api.get("/snapshots/" + id).json().get("ttlMillis").asLong()).as("unchanged").isEqualTo(1_200_000L);
  }

  @Test
  void statsShowsLeasesReleasesAndStoreSizes() throws Exception {
    api.addTriples("<http://example.org/s> <http://example.org/p> \"ctl\" .\n");

    Triplestorectl.Run stats = ctl.run("stats");

    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("leases ", "released ", "rocksdb snapshots ", "triples ", "sst ", "data directory ");
    Triplestorectl.Run json = ctl.run("stats", "--json");
    JsonNode both = new ObjectMapper().readTree(json.out());
    assertThat(both.path("registry").path("Name").asText()).isEqualTo("store");
    assertThat(both.path("store").path("Triples").asLong()).isPositive();
  }

  @Test
  void reclaimAndCompactRunAndReportTheSstSize() {
    Triplestorectl.Run reclaim = ctl.run("reclaim");
    Triplestorectl.Run compact = ctl.run("compact");

    assertThat(reclaim.exitCode()).as(reclaim.err()).isZero();
    assertThat(reclaim.out()).startsWith("reclaim done in ").contains("SST files ");
    assertThat(compact.exitCode()).as(compact.err()).isZero();
    assertThat(compact.out()).startsWith("compact done in ");
  }

  @Test
  void aWrongPasswordIsOneLineAndExitCodeFour() {
    Triplestorectl wrong = Triplestorectl.against(daemon, dir.resolve("wrong"), USER, "not-the-password");
    Triplestorectl none = new Triplestorectl(dir.resolve("ctl")).env("TRIPLESTORECTL_URL", daemon.jolokia().toString());

    Triplestorectl.Run refused = wrong.run("leases");
    Triplestorectl.Run anonymous = none.run("leases");

    assertThat(refused.exitCode()).isEqualTo(4);
    assertThat(refused.err().strip()).isEqualTo("triplestorectl: Jolokia at " + daemon.jolokia()
        + " refused the password of user 'ops' (HTTP 401)");
    assertThat(refused.out()).isEmpty();
    assertThat(anonymous.exitCode()).isEqualTo(4);
    assertThat(anonymous.err()).contains("needs credentials (HTTP 401)").hasLineCount(1);
  }

  @Test
  void anUnreachableDaemonIsOneLineAndExitCodeThree() {
    Triplestorectl.Run run = ctl.run("--url", "http://127.0.0.1:1/jolokia/", "leases");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("triplestorectl: cannot reach Jolokia at http://127.0.0.1:1/jolokia/: ")
        .hasLineCount(1);
  }

  @Test
  void badCommandLinesExitTwoAndAskNothingOfTheDaemon() throws Exception {
    long id = api.createLease("10m", "ctl-usage");

    Triplestorectl.Run noSelector = ctl.run("release");
    Triplestorectl.Run twoSelectors = ctl.run("release", Long.toString(id), "--owner", "ctl-usage");
    Triplestorectl.Run badAge = ctl.run("release", "--older-than", "10x");
    Triplestorectl.Run badTtl = ctl.run("renew", Long.toString(id), "-5m");
    Triplestorectl.Run badId = ctl.run("release", "0");
    Triplestorectl.Run unknownCommand = ctl.run("frobnicate");

    for (Triplestorectl.Run run : List.of(noSelector, twoSelectors, badAge, badTtl, badId, unknownCommand)) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).startsWith("triplestorectl: ");
    }
    assertThat(badAge.err()).contains("'10x' is not a positive duration");
    assertThat(api.get("/snapshots/" + id).status()).as("still live").isEqualTo(200);
  }

  @Test
  void versionAndHelpNeedNoDaemon() {
    Triplestorectl offline = new Triplestorectl(dir.resolve("ctl"));

    Triplestorectl.Run version = offline.run("--version");
    Triplestorectl.Run help = offline.run("--help");

    assertThat(version.exitCode()).isZero();
    assertThat(version.out().strip()).isEqualTo("triplestorectl " + System.getProperty("triplestore.version"));
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("leases", "release", "renew", "stats", "reclaim", "compact", "Exit codes:",
        "TRIPLESTORECTL_PASSWORD_FILE");
  }

  private static int lineOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
