package io.triplestore.daemon;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.daemon.logging.LeaseEventLogger;
import io.triplestore.store.StoreException;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.nio.file.Path;

/** Opens the store of the configured data directory, with the registry configured from the keys. */
final class StoreOpener {

  /** Another process (a running daemon, an import) holds the data directory's RocksDB lock. */
  static final class DataDirectoryInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataDirectoryInUseException(Path directory, Throwable cause) {
      super("data directory " + directory.toAbsolutePath() + " is in use by another process (RocksDB holds its"
          + " LOCK file): stop the other triplestored or import, or choose another --data.dir", cause);
    }
  }

  private StoreOpener() {}

  static TripleStore open(Configuration config) {
    Path directory = config.path(ConfigKey.DATA_DIR);
    StoreOptions options = StoreOptions.builder()
        .maxAtomicImportTriples(config.integer(ConfigKey.HTTP_MAX_BATCH_TRIPLES))
        .bulkBatchTriples(config.integer(ConfigKey.STORE_BULK_BATCH_TRIPLES))
        .blockCacheBytes(config.longValue(ConfigKey.STORE_BLOCK_CACHE_BYTES))
        .registry(registry -> {
          registry.defaultTtl(config.duration(ConfigKey.SNAPSHOT_DEFAULT_TTL))
              .warnFraction(config.fraction(ConfigKey.SNAPSHOT_WARN_FRACTION))
              .tick(config.duration(ConfigKey.SNAPSHOT_TICK))
              .maxLeases(config.integer(ConfigKey.SNAPSHOT_MAX_LEASES))
              .stackCapture((io.triplestore.snapshots.StackCapture) config.value(ConfigKey.SNAPSHOT_STACK_CAPTURE))
              .listener(new LeaseEventLogger());
          config.optionalDuration(ConfigKey.SNAPSHOT_MAX_TTL).ifPresent(registry::maxTtl);
        })
        .build();
    try {
      return TripleStore.open(directory, options);
    } catch (StoreException e) {
      if (isLockHeld(e)) {
        throw new DataDirectoryInUseException(directory, e);
      }
      throw e;
    }
  }

  /** RocksDB says "While lock file: .../LOCK: Resource temporarily unavailable". */
  private static boolean isLockHeld(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      String message = String.valueOf(cause.getMessage());
      if (message.contains("lock file") || message.contains("/LOCK")) {
        return true;
      }
    }
    return false;
  }
}
