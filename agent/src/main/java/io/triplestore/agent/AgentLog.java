package io.triplestore.agent;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where the agent writes: stderr or a file, never the host's logging. Every line starts with
 * {@link #PREFIX}; a report of several lines (a snapshot and its creation stack) is written in one
 * piece so reports from different threads never interleave.
 */
final class AgentLog {

  static final String PREFIX = "[triplestore-agent] ";

  private final PrintStream out;

  AgentLog(PrintStream out) {
    this.out = out;
  }

  /** Writes to the JVM's stderr as it is now (a host that later replaces System.err does not move us). */
  static AgentLog stderr() {
    return new AgentLog(System.err);
  }

  /**
   * {@code stderr}, or a file appended to.
   *
   * @throws IllegalArgumentException if the file cannot be opened, naming it
   */
  static AgentLog open(String target) {
    if (AgentOptions.STDERR.equalsIgnoreCase(target)) {
      return stderr();
    }
    try {
      return new AgentLog(new PrintStream(new FileOutputStream(target, true), true, StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      throw new IllegalArgumentException("agent option log='" + target + "' is invalid: cannot open the file: " + e, e);
    }
  }

  /** One line. */
  void line(String message) {
    synchronized (out) {
      out.println(PREFIX + message);
      out.flush();
    }
  }

  /** A headline and indented detail lines, written together. */
  void report(String headline, List<String> details) {
    StringBuilder text = new StringBuilder(PREFIX).append(headline);
    for (String detail : details) {
      text.append(System.lineSeparator()).append(PREFIX).append("    ").append(detail);
    }
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}
