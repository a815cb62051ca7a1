package io.triplestore.daemon.http;

import io.triplestore.daemon.config.ConfigException;
import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.snapshots.Settings;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code /sparql} and {@code /update} serve: the timeout of a request that names none, the
 * largest one a request may name, and the most bytes of a request body.
 *
 * @param queryTimeout timeout (and lease TTL) of a request without {@code timeout=}
 * @param maxQueryTimeout the largest {@code timeout=} accepted
 * @param maxRequestBytes the most bytes of a query or update body
 */
public record SparqlSettings(Duration queryTimeout, Duration maxQueryTimeout, int maxRequestBytes) {

  /** The keys' defaults; for tests and embedded use. */
  public static SparqlSettings defaults() {
    return from(Configuration.defaults());
  }

  /**
   * The settings the configuration gives.
   *
   * @throws ConfigException when the timeouts disagree with each other or with snapshot.max-ttl,
   *     since a query's lease could then never be created
   */
  public static SparqlSettings from(Configuration config) {
    Duration timeout = config.duration(ConfigKey.SPARQL_QUERY_TIMEOUT);
    Duration max = config.duration(ConfigKey.SPARQL_MAX_QUERY_TIMEOUT);
    if (timeout.compareTo(max) > 0) {
      throw new ConfigException("invalid configuration: sparql.query-timeout = " + Settings.format(timeout)
          + " is above sparql.max-query-timeout = " + Settings.format(max));
    }
    Optional<Duration> maxTtl = config.optionalDuration(ConfigKey.SNAPSHOT_MAX_TTL);
    if (maxTtl.isPresent() && max.compareTo(maxTtl.get()) > 0) {
      throw new ConfigException("invalid configuration: sparql.max-query-timeout = " + Settings.format(max)
          + " is above snapshot.max-ttl = " + Settings.format(maxTtl.get())
          + "; a query's lease lives as long as its timeout, so expected at most the max TTL");
    }
    return new SparqlSettings(timeout, max, config.integer(ConfigKey.SPARQL_MAX_REQUEST_BYTES));
  }
}
