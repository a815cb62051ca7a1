package io.triplestore.store;

import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The on-disk format version, kept in {@code meta} as {@code format-version}, and the upgrade of
 * older directories on open.
 *
 * <ul>
 *   <li>Format 1 (no {@code format-version}): a triple store: the dictionary, {@code spo}, {@code
 *       pos}, {@code osp} and the counters. Its triples become the default graph as they are: the
 *       default graph's indexes are those very column families with those very keys, so the
 *       upgrade writes the version and an empty named-graph counter in one synced batch, after
 *       RocksDB created the named graphs' column families empty. A crash before that batch leaves
 *       a directory that opens as format 1 again and is upgraded again.
 *   <li>Format 2: quads (this version).
 *   <li>A higher version was written by a newer triplestore and is refused, never misread. The
 *       other way round, a triplestore of format 1 cannot open an upgraded directory: RocksDB
 *       refuses to open a database without naming all its column families.
 * </ul>
 *
 * <p>Concurrency: runs once, on open, before the store is shared.
 */
final class StoreFormat {

  /** The format this version writes. */
  static final long CURRENT = 2;

  static final byte[] VERSION_KEY = "format-version".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private StoreFormat() {}

  /**
   * Checks the format of the open database and upgrades format 1; returns the format it was in
   * (for a database created by this open, {@link #CURRENT}).
   *
   * @throws StoreException for a format this version does not read
   */
  static long upgrade(StoreDatabase database) {
    try {
      byte[] stored = database.db.get(database.meta, VERSION_KEY);
      if (stored != null) {
        long version = Dictionary.toLong(stored);
        if (version == CURRENT) {
          return version;
        }
        throw new StoreException(version > CURRENT
            ? "the store was written by a newer triplestore (on-disk format " + version + "); this version reads formats 1 and "
                + CURRENT + ": open it with the newer version"
            : "corrupt store: unknown on-disk format " + version);
      }
      try (WriteBatch batch = new WriteBatch(); WriteOptions sync = new WriteOptions().setSync(true)) {
        batch.put(database.meta, VERSION_KEY, Dictionary.toBytes(CURRENT));
        batch.put(database.meta, Dictionary.NAMED_QUAD_COUNT_KEY, Dictionary.toBytes(0));
        database.db.write(sync, batch);
      }
      return database.created ? CURRENT : 1;
    } catch (RocksDBException e) {
      throw new StoreException("cannot read or write the store's format version: " + e.getMessage(), e);
    }
  }
}
