package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.sparql.QueryMix.Query;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the mix's medians per query and engine, and each other engine's time over this store's:
 * above 1 this store is faster. The total is the sum of the medians (one pass of the mix), so its
 * ratio is the throughput ratio of a client running the mix in a loop; the geometric mean of the
 * per-query ratios weighs every query alike.
 */
final class MixReport {

  private static final String OURS = "triplestore";

  private MixReport() {}

  static void print(List<Query> queries, List<String> engines, Map<String, Long> counts, MixRunner.Result result) {
    Timings timings = result.timings();
    List<String> others = engines.stream().filter(e -> !e.equals(OURS)).toList();
    System.out.printf(Locale.ROOT, "%nmedian ms over %d measured round(s); ratio = other's time / this store's%n", result.rounds());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-6s %9s", "query", "results"));
    engines.forEach(e -> header.append(String.format(Locale.ROOT, " %11s", e)));
    others.forEach(e -> header.append(String.format(Locale.ROOT, " %10s", e + "/ts")));
    System.out.println(header);
    double[] totals = new double[engines.size()];
    double[] logRatioSums = new double[others.size()];
    for (Query query : queries) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6s %9d", query.name(), counts.get(query.name())));
      double ours = timings.medianMillis(query.name(), OURS);
      for (int i = 0; i < engines.size(); i++) {
        double median = timings.medianMillis(query.name(), engines.get(i));
        totals[i] += median;
        line.append(String.format(Locale.ROOT, " %11.2f", median));
      }
      for (int i = 0; i < others.size(); i++) {
        double ratio = timings.medianMillis(query.name(), others.get(i)) / ours;
        logRatioSums[i] += Math.log(ratio);
        line.append(String.format(Locale.ROOT, " %10.2f", ratio));
      }
      System.out.println(line);
    }
    StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-6s %9s", "total", ""));
    double oursTotal = totals[engines.indexOf(OURS)];
    for (double t : totals) {
      total.append(String.format(Locale.ROOT, " %11.2f", t));
    }
    for (String other : others) {
      total.append(String.format(Locale.ROOT, " %10.2f", totals[engines.indexOf(other)] / oursTotal));
    }
    System.out.println(total);
    StringBuilder geomean = new StringBuilder(String.format(Locale.ROOT, "%-6s %9s", "geomean", ""));
    geomean.append(" ".repeat(12 * engines.size()));
    for (double sum : logRatioSums) {
      geomean.append(String.format(Locale.ROOT, " %10.2f", Math.exp(sum / queries.size())));
    }
    System.out.println(geomean);
    System.out.println("targets: native/ts >= 1.5, tdb2/ts >= 1.0 (moonshot 2.0), on the total");
  }
}
