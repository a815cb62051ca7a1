package io.triplestore.daemon.config;

import io.triplestore.snapshots.Settings;
import io.triplestore.store.StoreOptions;
import java.util.Locale;
import java.util.Optional;

/**
 * Every configuration key of the daemon: its name, default, type and meaning. {@code --help}
 * prints this table; {@link Configuration} resolves each key from flags, environment, file and
 * default, in that order.
 */
public enum ConfigKey {
  DATA_DIR("data.dir", "./data", ValueType.PATH,
      "Directory of the RocksDB database; created when missing or empty, refused when it has files but no CURRENT."
          + " One daemon per directory."),
  STORE_BULK_BATCH_TRIPLES("store.bulk-batch-triples", "100000", ValueType.POSITIVE_INT,
      "Triples per committed batch of a bulk load (?mode=bulk, import) or bulk remove; each is flushed to disk."),
  HTTP_HOST("http.host", "127.0.0.1", ValueType.HOST,
      "Address the HTTP API binds to."),
  HTTP_PORT("http.port", "8080", ValueType.PORT,
      "Port of the HTTP API; 0 picks a free one (the port obtained is logged)."),
  HTTP_MAX_BATCH_TRIPLES("http.max-batch-triples", "1000000", ValueType.POSITIVE_INT,
      "Most triples one atomic POST or DELETE /triples may carry; beyond it the answer is 413 (use ?mode=bulk)."),
  HTTP_MAX_THREADS("http.max-threads", "32", ValueType.POSITIVE_INT,
      "Most threads serving HTTP requests at once."),
  HTTP_ALLOWED_HOSTS("http.allowed-hosts", "", ValueType.HOST_LIST,
      "Host names the API and Jolokia answer to besides 127.0.0.1, localhost, [::1] and their bound address (DNS rebinding guard); any other Host header gets 421."),
  HTTP_ALLOWED_ORIGINS("http.allowed-origins", "", ValueType.ORIGIN_LIST,
      "Web origins allowed to write (POST, PUT, DELETE) besides the API's own; a write with any other Origin header gets 403."),
  HTTP_IDLE_TIMEOUT("http.idle-timeout", "30s", ValueType.DURATION,
      "How long a connection may send nothing (in its headers, its body or between requests) before the server closes it."),
  HTTP_MIN_REQUEST_DATA_RATE("http.min-request-data-rate", "1024", ValueType.POSITIVE_INT,
      "Least bytes per second a request body must arrive at, on average from its first second on; a slower one is cut with 408 and its thread freed."),
  HTTP_MAX_LINE_BYTES("http.max-line-bytes", "1048576", ValueType.POSITIVE_INT,
      "Most bytes of one N-Triples or N-Quads line in a request body; a longer line gets 413 as soon as it passes the limit."),
  STORE_BLOCK_CACHE_BYTES("store.block-cache-bytes", String.valueOf(StoreOptions.DEFAULT_BLOCK_CACHE_BYTES),
      ValueType.POSITIVE_LONG,
      "Bytes of RocksDB's block cache (uncompressed data blocks of every index), outside the Java heap;"
          + " SPARQL joins read through it, so a store larger than it is slower to query."),
  STORE_MAX_TERM_BYTES("store.max-term-bytes", "65536", ValueType.POSITIVE_INT,
      "Most bytes (UTF-8) of one term the store takes (IRI, blank node label, literal with its datatype or language); more gets 413."),
  JOLOKIA_ENABLED("jolokia.enabled", "true", ValueType.BOOLEAN,
      "Whether the embedded Jolokia agent (JMX over HTTP) runs."),
  JOLOKIA_HOST("jolokia.host", "127.0.0.1", ValueType.HOST,
      "Address Jolokia binds to."),
  JOLOKIA_PORT("jolokia.port", "8778", ValueType.PORT,
      "Port of Jolokia; 0 picks a free one."),
  JOLOKIA_USER("jolokia.user", "", ValueType.STRING,
      "User for Jolokia basic authentication. Unset: reads only, exec and write are refused."),
  JOLOKIA_PASSWORD("jolokia.password", "", ValueType.SECRET,
      "Password for jolokia.user; both or neither must be set."),
  JOLOKIA_ALLOWED_ORIGINS("jolokia.allowed-origins", "", ValueType.ORIGIN_LIST,
      "Web origins allowed to call Jolokia (a console such as hawtio) besides its own; any other Origin or Referer gets 403."),
  JOLOKIA_POLICY("jolokia.policy", "", ValueType.OPTIONAL_FILE,
      "Jolokia access policy file; empty uses <home>/conf/jolokia-access.xml, else the built-in copy."),
  JMX_HOST("jmx.host", "127.0.0.1", ValueType.HOST,
      "Address remote JMX (RMI registry and server) binds to; stubs name this host."),
  JMX_PORT("jmx.port", "", ValueType.OPTIONAL_PORT,
      "Port of remote JMX for JConsole (registry and server share it); empty means off."),
  JMX_PASSWORD_FILE("jmx.password.file", "", ValueType.OPTIONAL_FILE,
      "JMX password file (user password per line); required when jmx.port is set."),
  JMX_ACCESS_FILE("jmx.access.file", "", ValueType.OPTIONAL_FILE,
      "JMX access file (user readonly|readwrite per line); empty gives every authenticated user readwrite."),
  SNAPSHOT_DEFAULT_TTL("snapshot.default-ttl", Settings.format(Settings.DEFAULT_TTL), ValueType.DURATION,
      "TTL of a lease created without one."),
  SNAPSHOT_MAX_TTL("snapshot.max-ttl", "1h", ValueType.OPTIONAL_DURATION,
      "Largest TTL a lease may be created or renewed with; empty means unbounded."),
  SNAPSHOT_WARN_FRACTION("snapshot.warn-fraction", String.valueOf(Settings.DEFAULT_WARN_FRACTION), ValueType.FRACTION,
      "Fraction of its TTL after which a lease is warned about."),
  SNAPSHOT_TICK("snapshot.tick", Settings.format(Settings.DEFAULT_TICK), ValueType.DURATION,
      "How often lease deadlines are checked; expiry is at most this late."),
  SNAPSHOT_MAX_LEASES("snapshot.max-leases", "1000", ValueType.POSITIVE_INT,
      "Most live leases at once; creating one more answers 429."),
  SNAPSHOT_STACK_CAPTURE("snapshot.stack-capture", "off", ValueType.STACK_CAPTURE,
      "Whether leases record their creation stack: off, all or sample:N."),
  SPARQL_QUERY_TIMEOUT("sparql.query-timeout", "5m", ValueType.DURATION,
      "Timeout of a SPARQL query or update without timeout=; it is the TTL of the query's lease."),
  SPARQL_MAX_QUERY_TIMEOUT("sparql.max-query-timeout", "30m", ValueType.DURATION,
      "Largest timeout= a SPARQL request may ask for; at most snapshot.max-ttl."),
  SPARQL_MAX_REQUEST_BYTES("sparql.max-request-bytes", "1048576", ValueType.POSITIVE_INT,
      "Most bytes of a SPARQL query or update request body (query text or form); more answers 413."),
  LOG_DIR("log.dir", "", ValueType.OPTIONAL_PATH,
      "Directory of a rolling log file (triplestored.log) besides stdout; empty means stdout only."),
  SHUTDOWN_TIMEOUT("shutdown.timeout", "5s", ValueType.DURATION,
      "How long a stop waits for in-flight HTTP requests before closing the store.");

  /** Prefix of the environment variables, e.g. {@code TRIPLESTORE_HTTP_PORT}. */
  public static final String ENV_PREFIX = "TRIPLESTORE_";

  private final String key;
  private final String defaultValue;
  private final ValueType type;
  private final String description;

  ConfigKey(String key, String defaultValue, ValueType type, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.type = type;
    this.description = description;
  }

  /** The key as written in files and flags, e.g. {@code http.port}. */
  public String key() {
    return key;
  }

  /** The default as text; empty for "not set". */
  public String defaultValue() {
    return defaultValue;
  }

  public ValueType type() {
    return type;
  }

  public String description() {
    return description;
  }

  /** The environment variable: dots and dashes become underscores, upper case. */
  public String envName() {
    return ENV_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** Whether values must never be printed. */
  public boolean isSecret() {
    return type == ValueType.SECRET;
  }

  /** The key named {@code key}, if any. */
  public static Optional<ConfigKey> byKey(String key) {
    for (ConfigKey candidate : values()) {
      if (candidate.key.equals(key)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
