package io.triplestore.benchmarks.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossCheckTest {

  private static final List<Query> QUERIES = List.of(new Query("q01", "one"), new Query("q02", "two"));

  @Test
  void agreedCountsAreReturned() {
    List<QueryEngine> engines = List.of(engine("a", Map.of("one", 3L, "two", 5L)), engine("b", Map.of("one", 3L, "two", 5L)));

    assertThat(CrossCheck.counts(QUERIES, engines)).containsExactly(Map.entry("q01", 3L), Map.entry("q02", 5L));
  }

  @Test
  void differingCountsFailNamingQueryAndStores() {
    List<QueryEngine> engines = List.of(engine("a", Map.of("one", 3L, "two", 5L)), engine("b", Map.of("one", 3L, "two", 4L)));

    assertThatThrownBy(() -> CrossCheck.counts(QUERIES, engines))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("q02 counts differ: {a=5, b=4}");
  }

  @Test
  void aQueryWithoutSolutionsFails() {
    List<QueryEngine> engines = List.of(engine("a", Map.of("one", 0L, "two", 5L)), engine("b", Map.of("one", 0L, "two", 5L)));

    assertThatThrownBy(() -> CrossCheck.counts(QUERIES, engines))
        .hasMessageContaining("q01 returns no solution on any store");
  }

  @Test
  void aStoreMissingTriplesFails() {
    List<QueryEngine> engines = List.of(engine("a", Map.of()), engine("b", Map.of()));

    assertThatThrownBy(() -> CrossCheck.sizes(engines, 8))
        .hasMessageContaining("the file has 8 triples, but [a holds 7, b holds 7]");
  }

  /** An engine answering each query text with a fixed count, holding 7 triples. */
  private static QueryEngine engine(String name, Map<String, Long> counts) {
    return new QueryEngine() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long size() {
        return 7;
      }

      @Override
      public long count(String sparql) {
        return counts.get(sparql);
      }

      @Override
      public void close() {}
    };
  }
}
