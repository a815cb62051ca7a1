package io.triplestore.store;

import java.util.List;

/**
 * What {@link TripleStore#verify()} found: the sizes it counted and every violation of the store's
 * invariants (the first {@value #VIOLATIONS_LISTED} described, all of them counted).
 *
 * @param quads quads in every graph: entries of the {@code spo} and {@code gspo} indexes
 * @param terms entries of the {@code id2str} dictionary
 * @param violationCount every violation found
 * @param violations descriptions of the first {@value #VIOLATIONS_LISTED} violations
 */
public record VerificationReport(long quads, long terms, long violationCount, List<String> violations) {

  /** How many violations are described; the rest are only counted. */
  public static final int VIOLATIONS_LISTED = 100;

  public VerificationReport {
    violations = List.copyOf(violations);
  }

  /** Whether no invariant is violated. */
  public boolean consistent() {
    return violationCount == 0;
  }

  /** A report for people: one summary line, then one line per listed violation. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(consistent() ? "consistent" : "INCONSISTENT").append(": ").append(quads).append(" quads, ")
        .append(terms).append(" terms, ").append(violationCount).append(" violations");
    for (String violation : violations) {
      text.append("\n  ").append(violation);
    }
    if (violationCount > violations.size()) {
      text.append("\n  ... and ").append(violationCount - violations.size()).append(" more");
    }
    return text.toString();
  }
}
