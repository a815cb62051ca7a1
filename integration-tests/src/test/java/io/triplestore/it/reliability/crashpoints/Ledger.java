package io.triplestore.it.reliability.crashpoints;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store must hold, from what it acknowledged: every triple line the harness ever sent,
 * with what an acknowledgement made of it (present, absent) or unknown when the kill cut the
 * request that carried it. An atomic request cut by the kill must be applied whole or not at all,
 * so its lines are also kept as a group until the next check.
 *
 * <p>Concurrency: the workload's threads record into it while the daemon runs, so every method
 * is synchronized; checks run while no workload does.
 */
final class Ledger {

  enum State {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  private final Map<String, State> lines = new HashMap<>();
  private final List<List<String>> cutAtomicGroups = new ArrayList<>();
  private long acknowledgedAdds;
  private long acknowledgedRemoves;
  private long checkedLines;

  synchronized void acknowledgedAdd(Collection<String> added) {
    added.forEach(line -> lines.put(line, State.PRESENT));
    acknowledgedAdds += added.size();
  }

  synchronized void acknowledgedRemove(Collection<String> removed) {
    removed.forEach(line -> lines.put(line, State.ABSENT));
    acknowledgedRemoves += removed.size();
  }

  /** Lines of a request the kill cut: either outcome is allowed (an atomic one: for all or none). */
  synchronized void cut(List<String> sent, boolean atomic) {
    sent.forEach(line -> lines.put(line, State.UNKNOWN));
    if (atomic) {
      cutAtomicGroups.add(List.copyOf(sent));
    }
  }

  synchronized State state(String line) {
    return lines.get(line);
  }

  /**
   * Compares the store's content with what was acknowledged, describes every violation, and
   * then takes what the store holds as the truth for the lines whose outcome was unknown.
   */
  synchronized List<String> check(Set<String> stored) {
    List<String> violations = new ArrayList<>();
    for (List<String> group : cutAtomicGroups) {
      long applied = group.stream().filter(stored::contains).count();
      if (applied != 0 && applied != group.size()) {
        violations.add("an atomic request cut by the kill was applied in part: " + applied + " of " + group.size()
            + " lines, e.g. " + group.get(0));
      }
    }
    cutAtomicGroups.clear();
    for (Map.Entry<String, State> entry : lines.entrySet()) {
      boolean there = stored.contains(entry.getKey());
      switch (entry.getValue()) {
        case PRESENT -> {
          if (!there) {
            violations.add("acknowledged add missing: " + entry.getKey());
          }
        }
        case ABSENT -> {
          if (there) {
            violations.add("acknowledged remove undone: " + entry.getKey());
          }
        }
        case UNKNOWN -> entry.setValue(there ? State.PRESENT : State.ABSENT);
      }
    }
    for (String line : stored) {
      if (!lines.containsKey(line)) {
        violations.add("a triple nobody sent: " + line);
      }
    }
    checkedLines += lines.size();
    return violations;
  }

  synchronized long acknowledgedAdds() {
    return acknowledgedAdds;
  }

  synchronized long acknowledgedRemoves() {
    return acknowledgedRemoves;
  }

  /** Line checks made so far, over every check. */
  synchronized long checkedLines() {
    return checkedLines;
  }

  /** Forgets everything: a new data directory. */
  synchronized void reset() {
    lines.clear();
    cutAtomicGroups.clear();
  }
}
