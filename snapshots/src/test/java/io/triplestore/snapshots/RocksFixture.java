package io.triplestore.snapshots;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/** A RocksDB in a temp directory, for tests. */
final class RocksFixture implements AutoCloseable {

  static {
    RocksDB.loadLibrary();
  }

  final RocksDB db;
  private final Options options;

  RocksFixture(Path dir) throws RocksDBException {
    options = new Options().setCreateIfMissing(true);
    db = RocksDB.open(options, dir.toString());
  }

  void put(String key, String value) throws RocksDBException {
    db.put(bytes(key), bytes(value));
  }

  long nativeSnapshotCount() throws RocksDBException {
    return db.getLongProperty("rocksdb.num-snapshots");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    db.close();
    options.close();
  }
}
