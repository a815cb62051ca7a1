package io.triplestore.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.it.deploy.RepositoryFiles;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak drill of {@code docs/OPERATIONS.md} section 7, run as printed: its fenced {@code sh}
 * blocks, in order, in one shell, from the distribution's directory, against a daemon with
 * Jolokia credentials that holds two leaking leases. Only the documented defaults' addresses are
 * replaced by the ports the test daemon got.
 */
class LeakDrillTest {

  private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  @Test
  void theDrillRunsAsPrintedAndReleasesTheLeakAndGivesTheSpaceBack() throws Exception {
    String operations = Files.readString(RepositoryFiles.file("docs/OPERATIONS.md"));
    // The drill is section 7 up to its first subsection (7.1, a runaway query, is another story).
    int start = operations.indexOf("## 7. Respond to a snapshot leak");
    String drill = operations.substring(start, operations.indexOf("\n### 7.1 ", start));
    String setUp = blocks(operations.substring(0, operations.indexOf("## 1. At a glance"))).get(0);
    List<String> steps = blocks(drill);
    assertThat(steps).as("the drill's sh blocks").hasSizeGreaterThanOrEqualTo(4);

    try (DaemonProcess daemon = DaemonProcess.in(dir.resolve("daemon"))
        .env("TRIPLESTORE_JOLOKIA_USER", "ops").env("TRIPLESTORE_JOLOKIA_PASSWORD", "drill-secret").start()) {
      ApiClient api = new ApiClient(daemon.http());
      leak(api);
      Path home = Files.createDirectories(dir.resolve("home"));
      Files.writeString(home.resolve(".triplestored-jolokia"), "drill-secret\n");
      String jolokia = daemon.jolokia().toString().replaceAll("/$", "");
      String script = "set -eu\n" + String.join("\n", List.of(setUp, String.join("\n", steps)))
          .replace("http://127.0.0.1:8080", daemon.http().toString().replaceAll("/$", ""))
          .replace("http://127.0.0.1:8778/jolokia", jolokia);

      ProcessBuilder shell = new ProcessBuilder("sh", "-c", script)
          .directory(DaemonProcess.distribution().toFile()).redirectErrorStream(true);
      shell.environment().keySet().removeIf(name -> name.startsWith("TRIPLESTORE"));
      shell.environment().put("HOME", home.toString());
      shell.environment().put("JAVA_HOME", System.getProperty("java.home"));
      shell.environment().put("TRIPLESTORECTL_URL", jolokia + "/");
      Process run = shell.start();
      String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(run.waitFor(5, TimeUnit.MINUTES)).isTrue();

      assertThat(run.exitValue()).as(output).isZero();
      assertThat(output).contains("OWNER", "nightly-export", "released lease 1 (reason FORCED)",
          "released 1 lease of owner 'report'", "reclaim done in ", "given back");
      assertThat(api.leaseCount()).isZero();
      assertThat(api.get("/snapshots/1").status()).isEqualTo(410);
    }
  }

  /** Two leases held while the data is overwritten twice: the space they pin is what reclaim gives back. */
  private static void leak(ApiClient api) throws Exception {
    String first = triples("first");
    bulk(api, "POST", first);
    assertThat(api.createLease("1h", "nightly-export")).isEqualTo(1);
    bulk(api, "DELETE", first);
    String second = triples("second");
    bulk(api, "POST", second);
    api.createLease("30m", "report");
    bulk(api, "DELETE", second);
    bulk(api, "POST", triples("third"));
  }

  /** Bulk mode writes SST files, so the pinned versions are on disk, as in a real leak. */
  private static void bulk(ApiClient api, String method, String triples) throws Exception {
    assertThat(api.send(method, "/triples?mode=bulk", ApiClient.N_TRIPLES, triples).status()).isEqualTo(200);
  }

  private static String triples(String round) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("<http://ex/s").append(i).append("> <http://ex/p> \"value ").append(i).append(' ').append(round)
          .append("\" .\n");
    }
    return text.toString();
  }

  private static List<String> blocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = SH_BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }
}
