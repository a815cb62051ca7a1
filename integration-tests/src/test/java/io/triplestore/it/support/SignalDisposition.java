package io.triplestore.it.support;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether this JVM was started with a signal ignored. An ignored disposition is inherited by every
 * process it starts, and the JVM does not install a handler for a signal its parent ignored: a
 * shell without job control starts its background commands with SIGINT and SIGQUIT ignored
 * ({@code nohup ./mvnw verify &}), so there a daemon started by a test cannot see a SIGINT.
 */
public final class SignalDisposition {

  private SignalDisposition() {}

  /** True when this process ignores signal number {@code signal} (read from {@code SigIgn}). */
  public static boolean ignoredHere(int signal) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("SigIgn:")) {
          return new BigInteger(line.substring("SigIgn:".length()).trim(), 16).testBit(signal - 1);
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
