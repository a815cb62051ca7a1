package io.triplestore.benchmarks.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A real RocksDB in a fresh temporary directory holding a few keys, deleted again on close.
 * Snapshots of an empty database cost the same as of a small one; the keys only make the
 * database an ordinary one rather than a degenerate case.
 */
public final class TempRocksDb implements AutoCloseable {

  private static final int KEYS = 16;

  private final Path directory;
  private final Options options;
  private final RocksDB db;

  private TempRocksDb(Path directory, Options options, RocksDB db) {
    this.directory = directory;
    this.options = options;
    this.db = db;
  }

  public static TempRocksDb open() {
    RocksDB.loadLibrary();
    Path directory = createDirectory();
    Options options = new Options().setCreateIfMissing(true);
    try {
      RocksDB db = RocksDB.open(options, directory.toString());
      for (int i = 0; i < KEYS; i++) {
        db.put(bytes("key-" + i), bytes("value-" + i));
      }
      return new TempRocksDb(directory, options, db);
    } catch (RocksDBException e) {
      options.close();
      deleteRecursively(directory);
      throw new IllegalStateException("cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
    }
  }

  public RocksDB db() {
    return db;
  }

  /** RocksDB's own count of live snapshots, to check that a benchmark left none behind. */
  long nativeSnapshotCount() {
    try {
      return db.getLongProperty("rocksdb.num-snapshots");
    } catch (RocksDBException e) {
      throw new IllegalStateException("cannot read rocksdb.num-snapshots: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    db.close();
    options.close();
    deleteRecursively(directory);
  }

  private static Path createDirectory() {
    try {
      return Files.createTempDirectory("triplestore-bench-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory for RocksDB", e);
    }
  }

  private static void deleteRecursively(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + directory, e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
