package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Env;
import org.rocksdb.SstFileManager;

/**
 * A bulk load whose flush fails (the disk is full: RocksDB's own space limit, reached after the
 * first batch) fails with the number of triples committed before it, and what it committed stays.
 */
class BulkLoadFailureTest {

  private static final int BATCH = 1024;

  @TempDir Path directory;

  @Test
  void aFlushThatFailsOnAFullDiskAnswersWithTheCommittedCount() throws Exception {
    try (SstFileManager space = new SstFileManager(Env.getDefault())) {
      try (TripleStore store = TripleStore.open(directory, TestStores.options(new FakeTicker())
          .bulkBatchTriples(BATCH).sstBulkLoad(false).dbOptions(db -> db.setSstFileManager(space)).build())) {
        // The disk is "full" from the first committed batch on: the next flush fails.
        ImportOptions fillDiskAfterFirstBatch = ImportOptions.builder()
            .progress(committed -> space.setMaxAllowedSpaceUsage(1)).build();

        assertThatThrownBy(() -> store.bulkLoad(generated(2 * BATCH), fillDiskAfterFirstBatch))
            .isInstanceOfSatisfying(BulkLoadException.class, e -> {
              assertThat(e.committedTriples()).isEqualTo(BATCH);
              assertThat(e).hasMessageContaining("after committing " + BATCH + " quads")
                  .hasMessageContaining("Max allowed space was reached");
            });
      }
    }
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      for (int i = 0; i < BATCH; i++) {
        assertThat(store.contains(triple(i))).as("committed triple %d", i).isTrue();
      }
      assertThat(store.verify().violations()).isEmpty();
    }
  }

  private static Triple triple(int i) {
    return Triple.of(TestStores.iri("g" + i), TestStores.iri("p"), Literal.of("g" + i));
  }

  private static InputStream generated(int triples) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < triples; i++) {
      text.append(triple(i).toNTriples()).append('\n');
    }
    return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
