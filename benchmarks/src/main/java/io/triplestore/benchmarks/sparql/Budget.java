package io.triplestore.benchmarks.sparql;

import java.time.Duration;

/**
 * The wall-clock time a run may take after loading. Checked between queries, never inside one: a
 * single slow query still runs to its end, so the run can overshoot by one query.
 */
final class Budget {

  private final long deadline;

  Budget(Duration duration) {
    this.deadline = System.nanoTime() + duration.toNanos();
  }

  boolean expired() {
    return System.nanoTime() - deadline >= 0;
  }
}
