package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.Operator;
import io.triplestore.snapshots.jfr.SnapshotJfrEvents;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The audit trail of operator actions: one log line on logger {@value #LOGGER} at INFO, and one
 * {@code triplestore.OperatorAction} JFR event, each naming the action, its target, the
 * {@link Operator} who asked and the result, refusals included. The MXBean records its forced
 * releases and renewals here; the daemon's store MBean its reclaims and compactions.
 */
public final class OperatorAudit {

  /** The logger of the audit lines. */
  public static final String LOGGER = "io.triplestore.audit";

  private static final System.Logger LOG = System.getLogger(LOGGER);

  private OperatorAudit() {}

  /**
   * Runs {@code action} for the current operator and records it with the result that
   * {@code describe} makes of its return value, or with {@code refused: <message>} when it throws
   * an {@link IllegalArgumentException} (rethrown).
   */
  public static <T> T record(String registry, String action, String target, Supplier<T> work,
      Function<T, String> describe) {
    Operator operator = Operator.current();
    T value;
    try {
      value = work.get();
    } catch (IllegalArgumentException e) {
      log(registry, action, target, operator, "refused: " + e.getMessage());
      throw e;
    }
    log(registry, action, target, operator, describe.apply(value));
    return value;
  }

  private static void log(String registry, String action, String target, Operator operator, String result) {
    LOG.log(System.Logger.Level.INFO, () -> operator + ": " + action + " " + target + ": " + result);
    SnapshotJfrEvents.operatorAction(registry, action, target, operator, result);
  }
}
