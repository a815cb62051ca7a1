package io.triplestore.benchmarks.sparql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Measured times, by query and engine, over the rounds; medians in milliseconds. */
final class Timings {

  private final Map<String, List<Long>> nanos = new LinkedHashMap<>();

  void add(String query, String engine, long elapsedNanos) {
    nanos.computeIfAbsent(query + " " + engine, key -> new ArrayList<>()).add(elapsedNanos);
  }

  /** The median time of {@code query} on {@code engine} in milliseconds. */
  double medianMillis(String query, String engine) {
    List<Long> values = nanos.get(query + " " + engine);
    if (values == null) {
      throw new IllegalStateException("no time measured for " + query + " on " + engine);
    }
    return median(values) / 1e6;
  }

  static double median(List<Long> values) {
    long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
  }
}
