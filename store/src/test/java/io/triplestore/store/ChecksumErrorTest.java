package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.SnapshotLease;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.LiveFileMetaData;

/**
 * A checksum error in an index's SST file, hit in the middle of an export, fails the export with
 * an error naming the file; it never ends it early as if the data ended there.
 */
class ChecksumErrorTest {

  private static final int TRIPLES = 20_000;

  @TempDir Path directory;

  @Test
  void aCorruptIndexBlockFailsTheExportNamingTheFile() throws IOException {
    String sst = storeWithACorruptSpoBlock();
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      assertThatThrownBy(() -> store.exportNTriples(OutputStream.nullOutputStream()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("checksum mismatch")
          .hasMessageContaining(sst);
    }
  }

  @Test
  void aCorruptIndexBlockFailsAnExportAtALeaseNamingTheFile() throws IOException {
    String sst = storeWithACorruptSpoBlock();
    try (TripleStore store = TestStores.open(directory, new FakeTicker());
        SnapshotLease lease = store.registry().create(Duration.ofMinutes(1))) {
      assertThatThrownBy(() -> store.exportNTriples(OutputStream.nullOutputStream(), lease))
          .hasMessageContaining("checksum mismatch")
          .hasMessageContaining(sst);
    }
  }

  /** Writes, flushes, and flips bytes in the middle of the {@code spo} file; returns its name. */
  private String storeWithACorruptSpoBlock() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < TRIPLES; i++) {
      text.append("<http://example.org/s").append(i).append("> <http://example.org/p> \"").append(i).append("\" .\n");
    }
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.bulkLoad(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), ImportOptions.strict());
    }
    LiveFileMetaData spo;
    try (StoreDatabase db = StoreDatabase.open(directory, StoreOptions.defaults())) {
      spo = db.db.getLiveFilesMetaData().stream()
          .filter(file -> new String(file.columnFamilyName(), StandardCharsets.UTF_8).equals("spo"))
          .findFirst().orElseThrow();
    }
    String name = spo.fileName().replaceFirst("^/", "");
    try (RandomAccessFile file = new RandomAccessFile(directory.resolve(name).toFile(), "rw")) {
      // Half-way into the data blocks: the first triples read fine, then the scan hits it.
      long offset = file.length() / 3;
      for (int i = 0; i < 16; i++) {
        file.seek(offset + i);
        int b = file.read();
        file.seek(offset + i);
        file.write(b ^ 0xFF);
      }
    }
    assertThat(directory.resolve(name)).exists();
    return name;
  }
}
