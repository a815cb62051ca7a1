package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import java.util.List;
import java.util.Map;

/**
 * Runs the mix in rounds: every query on every engine once per round, query by query, so that a
 * burst of load on the shared machine hits all engines alike. The engines' order rotates each
 * round, so that none always runs right after another's caches and garbage.
 */
final class MixRunner {

  private final List<Query> queries;
  private final List<QueryEngine> engines;
  private final Map<String, Long> expected;

  MixRunner(List<Query> queries, List<QueryEngine> engines, Map<String, Long> expected) {
    this.queries = queries;
    this.engines = engines;
    this.expected = expected;
  }

  /** Unmeasured rounds, for the JIT and the stores' caches; stops early when the budget is spent. */
  void warmUp(int rounds, Budget budget) {
    for (int round = 0; round < rounds && !budget.expired(); round++) {
      round(round, new Timings());
    }
  }

  /**
   * Up to {@code rounds} measured rounds; at least one, even past the budget, and a started round
   * is finished, so that every engine has the same number of times. Returns the times and rounds.
   */
  Result measure(int rounds, Budget budget) {
    Timings timings = new Timings();
    int done = 0;
    while (done < rounds && (done == 0 || !budget.expired())) {
      round(done, timings);
      done++;
    }
    return new Result(timings, done);
  }

  record Result(Timings timings, int rounds) {}

  private void round(int round, Timings timings) {
    for (Query query : queries) {
      for (int i = 0; i < engines.size(); i++) {
        QueryEngine engine = engines.get((i + round) % engines.size());
        long start = System.nanoTime();
        long count = engine.count(query.text());
        timings.add(query.name(), engine.name(), System.nanoTime() - start);
        CrossCheck.same(query.name(), engine.name(), expected.get(query.name()), count);
      }
    }
  }
}
