package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code triplestorectl watch} against a daemon with remote JMX: a lease created, warned and
 * released shows as it happens, with an operator's forced release and who did it.
 */
class WatchTest {

  @TempDir Path dir;

  @Test
  void showsALeaseCreatedWarnedAndReleasedAsItHappensFilteredByOwner() throws Exception {
    Files.createDirectories(dir.resolve("daemon"));
    Path passwords = Files.writeString(dir.resolve("jmx.password"), "jmxop jmx-secret\n");
    Files.setPosixFilePermissions(passwords, PosixFilePermissions.fromString("rw-------"));
    try (DaemonProcess daemon = DaemonProcess.in(dir.resolve("daemon"))
        .env("TRIPLESTORE_JOLOKIA_USER", "ops").env("TRIPLESTORE_JOLOKIA_PASSWORD", "jolokia-secret")
        .flag("jmx.port", "0").flag("jmx.password.file", passwords.toString())
        .start()) {
      ApiClient api = new ApiClient(daemon.http());
      Triplestorectl watcher = Triplestorectl.against(daemon, dir.resolve("watch"), "jmxop", "jmx-secret");
      Triplestorectl operator = Triplestorectl.against(daemon, dir.resolve("ctl"), "ops", "jolokia-secret");

      try (Triplestorectl.Background watch = watcher.start("watch", "--jmx", daemon.jmx(), "--owner", "watched")) {
        await().atMost(Duration.ofSeconds(60)).until(() -> watch.output().contains("watching "));
        api.createLease("10m", "someone-else");
        long expiring = api.createLease("3s", "watched");
        long forced = api.createLease("10m", "watched");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(watch.output())
            .contains(" created  lease " + expiring + " of watched (ttl 3.0s)")
            .contains(" warning  lease " + expiring + " of watched expires in ")
            .contains(" released lease " + expiring + " of watched: EXPIRED"));
        assertThat(operator.run("release", Long.toString(forced)).exitCode()).isZero();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(watch.output())
            .contains(" released lease " + forced + " of watched: FORCED")
            .contains(" operator ops from 127.0.0.1 via jolokia: forceRelease lease " + forced + " (watched): released"));

        assertThat(watch.output()).doesNotContain("someone-else").doesNotContain("Exception");
        assertThat(watch.process().isAlive()).isTrue();
      }
    }
  }
}
