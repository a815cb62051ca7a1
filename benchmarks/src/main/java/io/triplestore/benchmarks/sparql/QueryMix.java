package io.triplestore.benchmarks.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The query mix: {@code sparql/q01.rq}, {@code q02.rq}, ... on the class path, up to the first gap. */
final class QueryMix {

  /** One query of the mix, named after its file ({@code q04}). */
  record Query(String name, String text) {}

  private QueryMix() {}

  static List<Query> load() {
    List<Query> queries = new ArrayList<>();
    for (int i = 1; ; i++) {
      String name = String.format(Locale.ROOT, "q%02d", i);
      try (InputStream in = QueryMix.class.getResourceAsStream("/sparql/" + name + ".rq")) {
        if (in == null) {
          break;
        }
        queries.add(new Query(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (queries.isEmpty()) {
      throw new IllegalStateException("no query at /sparql/q01.rq on the class path");
    }
    return queries;
  }

  /** The query named {@code name}, or an error listing the names there are. */
  static Query named(List<Query> queries, String name) {
    return queries.stream().filter(q -> q.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no query " + name + " in "
            + queries.stream().map(Query::name).toList()));
  }
}
