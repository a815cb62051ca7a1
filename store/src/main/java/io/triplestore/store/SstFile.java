package io.triplestore.store;

import java.nio.file.Path;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.CompressionType;
import org.rocksdb.EnvOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDBException;
import org.rocksdb.SstFileWriter;

/**
 * One SST file being written for a bulk load, ascending keys only, with the table settings the
 * column family has in the database ({@link StoreDatabase}: bloom filters, and the one-id prefix
 * extractor on the indexes), so that an ingested file serves reads as well as a compacted one.
 * {@link #finish()} syncs the file (RocksDB's {@code SstFileWriter::Finish} does).
 *
 * <p>Concurrency: one thread at a time.
 */
final class SstFile implements AutoCloseable {

  private final Path path;
  private final BloomFilter bloom = new BloomFilter(10, false);
  private final Options options;
  private final EnvOptions env = new EnvOptions();
  private final SstFileWriter writer;
  private long entries;

  SstFile(String columnFamily, Path path) {
    this.path = path;
    this.options = new Options()
        .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom).setWholeKeyFiltering(true))
        // LZ4, as the levels below L0 have: an ingested file of an empty store lands at the bottom.
        .setCompressionType(CompressionType.LZ4_COMPRESSION);
    if (IndexOrder.ofColumnFamily(columnFamily) != null) {
      options.useFixedLengthPrefixExtractor(StoreDatabase.INDEX_PREFIX_LENGTH);
    }
    this.writer = new SstFileWriter(env, options);
    try {
      writer.open(path.toString());
    } catch (RocksDBException e) {
      close();
      throw new StoreException("cannot create the SST file " + path + ": " + e.getMessage(), e);
    }
  }

  Path path() {
    return path;
  }

  long entries() {
    return entries;
  }

  void put(byte[] key, byte[] value) {
    try {
      writer.put(key, value);
      entries++;
    } catch (RocksDBException e) {
      throw new StoreException("cannot write the SST file " + path + ": " + e.getMessage(), e);
    }
  }

  /** Completes and syncs the file; a file without entries cannot be finished (nor ingested). */
  void finish() {
    try {
      writer.finish();
    } catch (RocksDBException e) {
      throw new StoreException("cannot finish the SST file " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    writer.close();
    env.close();
    options.close();
    bloom.close();
  }
}
