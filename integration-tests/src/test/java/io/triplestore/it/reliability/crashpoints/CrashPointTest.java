package io.triplestore.it.reliability.crashpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.it.reliability.Figures;
import io.triplestore.it.support.ApiClient;
import io.triplestore.it.support.DaemonProcess;
import io.triplestore.it.support.JolokiaClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-point harness: the shipped daemon SIGKILLed at random moments during random mixes of
 * atomic adds and removes, bulk loads, compactions, forced bottommost compactions and flushes
 * ({@link Workload}), and {@code triplestored import} SIGKILLed between and during its batches,
 * cycle after cycle on one data directory. After every kill it checks, in this order: the store
 * passes {@code verify} (over Jolokia at each start, and {@code triplestored verify} offline every
 * {@value #OFFLINE_VERIFY_EVERY} cycles and at the end); the daemon starts on it; every
 * acknowledged add is there, every acknowledged remove absent, a bulk load or import is there up to
 * its last acknowledged batch, an atomic request cut by the kill is applied whole or not at all,
 * and nothing is there that nobody sent ({@link Ledger}); the triple count equals the export.
 *
 * <p>Seeded: the seed is printed, {@code -Dcrashpoints.seed=<seed>} replays the same operations,
 * sizes and kill points (counted in acknowledgements, not time; what else runs at that moment
 * depends on the machine). {@code -Dcrashpoints.cycles} (default 20) sets the cycles,
 * {@code -Dcrashpoints.minutes} a time after which no new cycle starts (for long runs); every
 * {@value #CYCLES_PER_DIRECTORY} cycles start on a fresh data directory, so a long run stays fast.
 */
class CrashPointTest {

  private static final int OFFLINE_VERIFY_EVERY = 5;
  private static final int CYCLES_PER_DIRECTORY = 25;
  private static final int BULK_BATCH = 1024;
  private static final String JOLOKIA_USER = "crash";
  private static final String JOLOKIA_PASSWORD = "points";
  private static final Pattern COMMITTED = Pattern.compile("(\\d+) triples committed");

  @TempDir
  Path work;

  private final Ledger ledger = new Ledger();
  private final List<String> violations = new ArrayList<>();
  private long kills;
  private long imports;
  private long acknowledgedEvents;
  private long bulkBatches;
  private long maintenance;
  private long cutRequests;
  private long verifications;

  @Test
  @Timeout(value = 2, unit = TimeUnit.HOURS)
  void everyAcknowledgedWriteSurvivesSigkillAtRandomPointsAndTheStoreStaysConsistent() throws Exception {
    int cycles = Integer.getInteger("crashpoints.cycles", 20);
    // A bound for a long run on a busy machine: no new cycle starts after it; the figures say how many ran.
    long budgetNanos = TimeUnit.MINUTES.toNanos(Long.getLong("crashpoints.minutes", 24 * 60));
    long seed = Long.getLong("crashpoints.seed", System.nanoTime());
    System.out.println("crash-point harness: seed=" + seed + " cycles=" + cycles
        + " (replay with -Dcrashpoints.seed=" + seed + ")");
    Random random = new Random(seed);
    long started = System.nanoTime();
    Figures figures = Figures.of("crash points (SIGKILL during atomic, bulk, import, compaction)").put("seed", seed);

    Path directory = null;
    int cycle = 0;
    for (; cycle < cycles && violations.isEmpty() && System.nanoTime() - started < budgetNanos; cycle++) {
      if (cycle % CYCLES_PER_DIRECTORY == 0) {
        directory = Files.createDirectories(work.resolve("dir" + cycle / CYCLES_PER_DIRECTORY));
        ledger.reset();
      }
      if (cycle % OFFLINE_VERIFY_EVERY == OFFLINE_VERIFY_EVERY - 1) {
        verifyOffline(directory, "before cycle " + cycle);
      }
      if (cycle % CYCLES_PER_DIRECTORY != 0 && random.nextInt(4) == 0) {
        importUntilKilled(directory, cycle, new Random(random.nextLong()));
      }
      runUntilKilled(directory, cycle, new Random(random.nextLong()));
      System.out.printf("crash-point cycle %d: kills=%d acknowledgements=%d violations=%d after %.1f s%n", cycle, kills,
          acknowledgedEvents, violations.size(), (System.nanoTime() - started) / 1e9);
    }
    if (violations.isEmpty()) {
      verifyOffline(directory, "at the end");
      try (DaemonProcess daemon = start(directory)) {
        check(daemon, "at the end");
        assertThat(daemon.terminate(Duration.ofSeconds(30))).isEqualTo(143);
      }
    }

    figures.put("cycles", cycle).put("kills", kills).put("imports", imports)
        .put("acknowledgedAdds", ledger.acknowledgedAdds()).put("acknowledgedRemoves", ledger.acknowledgedRemoves())
        .put("acknowledgements", acknowledgedEvents).put("bulkBatchesAcknowledged", bulkBatches)
        .put("maintenanceOps", maintenance).put("cutRequests", cutRequests).put("verifications", verifications)
        .put("writesChecked", ledger.checkedLines()).put("violations", violations.size()).print();
    assertThat(violations).as("invariant violations (seed %d)", seed).isEmpty();
  }

  /** One life of the daemon: start, check, run the workload until K acknowledgements, SIGKILL. */
  private void runUntilKilled(Path directory, int cycle, Random random) throws Exception {
    try (DaemonProcess daemon = start(directory)) {
      if (!check(daemon, "at the start of cycle " + cycle)) {
        return;
      }
      Workload workload = new Workload(daemon.http(), jolokia(daemon), ledger, BULK_BATCH, "c" + cycle);
      long killAfter = 2 + random.nextInt(30);
      ExecutorService roles = Executors.newFixedThreadPool(3);
      List<Future<?>> running = new ArrayList<>();
      long atomicSeed = random.nextLong();
      long bulkSeed = random.nextLong();
      long operatorSeed = random.nextLong();
      running.add(roles.submit(() -> workload.atomicWriter(new Random(atomicSeed))));
      if (random.nextInt(3) != 0) {
        running.add(roles.submit(() -> workload.bulkLoader(new Random(bulkSeed))));
      }
      running.add(roles.submit(() -> workload.operator(new Random(operatorSeed))));
      await().atMost(Duration.ofMinutes(3)).until(() -> workload.acknowledged.get() >= killAfter
          || running.stream().anyMatch(Future::isDone) || !daemon.isAlive());
      daemon.kill();
      kills++;
      workload.killed();
      for (Future<?> role : running) {
        role.get(2, TimeUnit.MINUTES);
      }
      roles.shutdown();
      violations.addAll(workload.unexpectedAnswers());
      if (!daemon.crashReports().isEmpty()) {
        violations.add("JVM crash reports: " + daemon.crashReports());
      }
      acknowledgedEvents += workload.acknowledged.get();
      bulkBatches += workload.bulkBatchesAcknowledged.get();
      maintenance += workload.maintenanceDone.get();
      cutRequests += workload.cutRequests.get();
    }
  }

  /** {@code triplestored import} of 1 to 5 batches, SIGKILLed after a random number of batches. */
  private void importUntilKilled(Path directory, int cycle, Random random) throws Exception {
    List<String> lines = new ArrayList<>();
    int size = BULK_BATCH * (1 + random.nextInt(5)) + random.nextInt(BULK_BATCH);
    for (int i = 0; i < size; i++) {
      lines.add("<" + Workload.PREFIX + "i/" + cycle + "/" + i + "> <" + Workload.PREFIX + "imported> <"
          + Workload.PREFIX + "pool/" + random.nextInt(500) + "> .");
    }
    Path file = Files.write(directory.resolve("import-" + cycle + ".nt"), lines, StandardCharsets.UTF_8);
    int killAfterBatches = random.nextInt(size / BULK_BATCH + 1);
    DaemonProcess importer = launch(directory).argument("import").argument(file.toString()).launch();
    try {
      await().atMost(Duration.ofMinutes(3)).until(() -> committed(importer.output()) >= (long) killAfterBatches * BULK_BATCH
          || !importer.isAlive());
    } finally {
      importer.kill();
    }
    imports++;
    kills++;
    String output = importer.output();
    boolean finished = output.contains("imported " + size + " triples");
    int acknowledged = finished ? size : (int) committed(output);
    ledger.acknowledgedAdd(lines.subList(0, acknowledged));
    // `import` bulk-loads N-Triples through the SST path: a cut import is all or nothing.
    ledger.cut(lines.subList(acknowledged, size), true);
    if (!finished && !importer.isAlive() && importer.exitValue() != 137) {
      violations.add("import exited with " + importer.exitValue() + " before the kill:\n" + output);
    }
  }

  private static long committed(String output) {
    long committed = 0;
    Matcher matcher = COMMITTED.matcher(output);
    while (matcher.find()) {
      committed = Math.max(committed, Long.parseLong(matcher.group(1)));
    }
    return committed;
  }

  /** The invariants on a started daemon; records violations, true when there were none. */
  private boolean check(DaemonProcess daemon, String when) throws Exception {
    int before = violations.size();
    JolokiaClient.Reply verified = jolokia(daemon).exec("io.triplestore:type=Store", "verify()");
    verifications++;
    if (verified.failed() || !verified.value().asText().startsWith("consistent")) {
      violations.add("verify " + when + ": " + (verified.failed() ? verified.body() : verified.value().asText()));
    }
    ApiClient api = new ApiClient(daemon.http(), Duration.ofMinutes(5));
    List<String> export = api.export();
    Set<String> stored = new HashSet<>(export);
    long counted = api.get("/health").json().get("triples").asLong();
    if (counted != export.size() || stored.size() != export.size()) {
      violations.add("counts " + when + ": the store counts " + counted + " triples, the export has " + export.size()
          + " lines (" + stored.size() + " distinct)");
    }
    ledger.check(stored).stream().map(violation -> violation + " (" + when + ")").limit(50).forEach(violations::add);
    return violations.size() == before;
  }

  private void verifyOffline(Path directory, String when) {
    DaemonProcess.Exit exit = launch(directory).argument("verify").runToExit(Duration.ofMinutes(3));
    verifications++;
    if (exit.code() != 0) {
      violations.add("triplestored verify " + when + " exited " + exit.code() + ":\n" + exit.output());
    }
  }

  private static DaemonProcess start(Path directory) {
    return launch(directory).start();
  }

  private static DaemonProcess.Launch launch(Path directory) {
    return DaemonProcess.in(directory).flag("store.bulk-batch-triples", String.valueOf(BULK_BATCH))
        .env("TRIPLESTORE_JOLOKIA_USER", JOLOKIA_USER).env("TRIPLESTORE_JOLOKIA_PASSWORD", JOLOKIA_PASSWORD);
  }

  private static JolokiaClient jolokia(DaemonProcess daemon) {
    // verify() and reclaim() read or rewrite the whole store: on a busy machine that takes a while.
    return new JolokiaClient(daemon.jolokia(), JOLOKIA_USER, JOLOKIA_PASSWORD, Duration.ofMinutes(5));
  }
}
