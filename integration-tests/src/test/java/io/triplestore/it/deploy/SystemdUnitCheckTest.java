package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemd/check-unit.sh} on the shipped unit and on broken copies of it, so the check is
 * shown to pass on the unit and to fail on exactly what it is meant to catch. Skipped (with the
 * reason) where {@code systemd-analyze} is not installed, except the test of that very case.
 */
class SystemdUnitCheckTest {

  private static final Pattern SCORE = Pattern.compile("Overall exposure level for triplestored\\.service: ([0-9.]+) OK");

  @TempDir Path temp;

  @Test
  void shippedUnitScoresAtMostOnePointFiveAndVerifiesWithoutWarnings() {
    assumeSystemdAnalyze();

    ProcessRun run = check(RepositoryFiles.file("systemd/triplestored.service"));

    assertThat(run.exitCode()).as(run.output()).isZero();
    Matcher score = SCORE.matcher(run.stdout());
    assertThat(score.find()).as(run.output()).isTrue();
    assertThat(new BigDecimal(score.group(1))).isLessThanOrEqualTo(new BigDecimal("1.5"));
    assertThat(run.stdout()).contains("ok: systemd-analyze verify printed no warning about triplestored.service");
    assertThat(run.stderr()).isEmpty();
  }

  @Test
  void unitWithoutSandboxingFailsOnItsExposureScore() throws IOException {
    assumeSystemdAnalyze();
    Path weakened = copyOfUnitWithout("ProtectSystem=", "ProtectHome=", "SystemCallFilter=",
        "RestrictAddressFamilies=", "IPAddressDeny=", "IPAddressAllow=", "PrivateDevices=", "PrivateUsers=");

    ProcessRun run = check(weakened);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stderr()).containsPattern("FAIL: exposure [0-9.]+ > 1\\.5");
  }

  @Test
  void unparsableDirectiveFailsEvenThoughSystemdAnalyzeExitsZero() throws IOException {
    assumeSystemdAnalyze();
    Path broken = copyOfUnitReplacing("UMask=0077", "UMask=rw-------");

    ProcessRun run = check(broken);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stderr())
        .contains("FAIL: systemd-analyze verify warned about the unit")
        .contains("Failed to parse mode value, ignoring: rw-------");
  }

  @Test
  void unknownDirectiveFails() throws IOException {
    assumeSystemdAnalyze();
    Path broken = copyOfUnitReplacing("NoNewPrivileges=yes", "NoNewPrivileges=yes\nProtectEverything=yes");

    ProcessRun run = check(broken);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stderr()).contains("Unknown key 'ProtectEverything'");
  }

  @Test
  void unitThatDoesNotStartTheInstalledLauncherFails() throws IOException {
    assumeSystemdAnalyze();
    Path moved = copyOfUnitReplacing("ExecStart=/opt/triplestored/bin/triplestored", "ExecStart=/usr/bin/java -jar x.jar");

    ProcessRun run = check(moved);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stderr()).contains("FAIL: the unit has no line 'ExecStart=/opt/triplestored/bin/triplestored'");
  }

  @Test
  void saysSkippedAndSucceedsWhereSystemdAnalyzeIsMissing() {
    ProcessRun run = ProcessRun.run(List.of("bash", RepositoryFiles.file("systemd/check-unit.sh").toString()),
        env -> env.put("SYSTEMD_ANALYZE", temp.resolve("no-such-systemd-analyze").toString()));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("skipped: systemd-analyze not found\n");
  }

  private static ProcessRun check(Path unit) {
    return ProcessRun.run(List.of("bash", RepositoryFiles.file("systemd/check-unit.sh").toString(), unit.toString()),
        env -> { });
  }

  private static void assumeSystemdAnalyze() {
    ProcessRun which = ProcessRun.run(List.of("sh", "-c", "command -v systemd-analyze"), env -> { });
    assumeTrue(which.exitCode() == 0, "skipped: systemd-analyze not found");
  }

  private Path copyOfUnitWithout(String... directivePrefixes) throws IOException {
    List<String> kept = Files.readAllLines(RepositoryFiles.file("systemd/triplestored.service")).stream()
        .filter(line -> List.of(directivePrefixes).stream().noneMatch(line::startsWith))
        .toList();
    return writeUnit(String.join("\n", kept) + "\n");
  }

  private Path copyOfUnitReplacing(String line, String replacement) throws IOException {
    String unit = Files.readString(RepositoryFiles.file("systemd/triplestored.service"));
    assertThat(unit).as("the shipped unit has the line to replace").contains("\n" + line + "\n");
    return writeUnit(unit.replace("\n" + line + "\n", "\n" + replacement + "\n"));
  }

  private Path writeUnit(String content) throws IOException {
    // The checks key on the unit's file name, so the copy keeps it.
    Path dir = Files.createDirectories(temp.resolve("unit"));
    return Files.writeString(dir.resolve("triplestored.service"), content);
  }
}
