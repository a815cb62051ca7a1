package io.triplestore.it.operator;

import io.triplestore.it.support.DaemonProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped {@code bin/triplestorectl}, run as an operator runs it: a separate process with its
 * connection in {@code TRIPLESTORECTL_*} variables (or flags), its stdout, stderr and exit code.
 */
public final class Triplestorectl {

  /** How one run ended. */
  record Run(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private final Path workDir;
  private final Map<String, String> environment = new LinkedHashMap<>();

  public Triplestorectl(Path workDir) {
    this.workDir = workDir;
  }

  /** Connects to {@code daemon}'s Jolokia as {@code user}, the password in a file of mode 600. */
  static Triplestorectl against(DaemonProcess daemon, Path workDir, String user, String password) {
    try {
      Files.createDirectories(workDir);
      Path passwordFile = workDir.resolve("jolokia.password");
      Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
      return new Triplestorectl(workDir)
          .env("TRIPLESTORECTL_URL", daemon.jolokia().toString())
          .env("TRIPLESTORECTL_USER", user)
          .env("TRIPLESTORECTL_PASSWORD_FILE", passwordFile.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Triplestorectl env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  /** A run in the background ({@code watch}): the process and where its stdout and stderr go. */
  public record Background(Process process, Path out, Path err) implements AutoCloseable {
    public String output() {
      try {
        return Files.readString(out) + Files.readString(err);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  public Background start(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(DaemonProcess.distribution().resolve("bin/triplestorectl").toString());
    command.addAll(List.of(arguments));
    try {
      Path out = Files.createTempFile(workDir, "ctl", ".out");
      Path err = Files.createTempFile(workDir, "ctl", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("TRIPLESTORECTL_"));
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putAll(environment);
      return new Background(builder.start(), out, err);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Run run(String... arguments) {
    Background started = start(arguments);
    Process process = started.process();
    Path out = started.out();
    Path err = started.err();
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("triplestorectl " + List.of(arguments) + " still running after 2 minutes");
      }
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
