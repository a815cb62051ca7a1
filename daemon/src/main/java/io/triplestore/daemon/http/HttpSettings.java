package io.triplestore.daemon.http;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.store.InputLimits;
import java.time.Duration;
import java.util.List;

/**
 * How the HTTP API serves: where it listens, how much one request may carry, how slow a client may
 * be, and which host names and web origins it trusts.
 *
 * @param host the address to bind
 * @param port the port; 0 picks a free one
 * @param maxBatchTriples the most statements of one atomic add or remove (the store is opened
 *     with the same limit, {@code StoreOptions.maxAtomicImportTriples}; here for the messages)
 * @param maxThreads the most request threads
 * @param stopTimeout how long a stop waits for requests in flight
 * @param idleTimeout how long a connection may send nothing
 * @param minRequestDataRate least bytes per second of a request body
 * @param inputLimits the most bytes of one line (N-Triples, N-Quads) and one term
 * @param allowedHosts host names trusted besides the loopback names and {@code host}
 * @param allowedOrigins web origins that may write besides the API's own
 */
public record HttpSettings(String host, int port, int maxBatchTriples, int maxThreads,
    Duration stopTimeout, Duration idleTimeout, int minRequestDataRate, InputLimits inputLimits, List<String> allowedHosts,
    List<String> allowedOrigins) {

  public HttpSettings {
    allowedHosts = List.copyOf(allowedHosts);
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** The settings the configuration gives. */
  public static HttpSettings from(Configuration config) {
    return new HttpSettings(config.string(ConfigKey.HTTP_HOST), config.integer(ConfigKey.HTTP_PORT),
        config.integer(ConfigKey.HTTP_MAX_BATCH_TRIPLES),
        config.integer(ConfigKey.HTTP_MAX_THREADS), config.duration(ConfigKey.SHUTDOWN_TIMEOUT),
        config.duration(ConfigKey.HTTP_IDLE_TIMEOUT), config.integer(ConfigKey.HTTP_MIN_REQUEST_DATA_RATE),
        config.inputLimits(),
        config.list(ConfigKey.HTTP_ALLOWED_HOSTS), config.list(ConfigKey.HTTP_ALLOWED_ORIGINS));
  }
}
