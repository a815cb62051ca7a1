package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreOptionsTest {

  @TempDir Path directory;

  @Test
  void customizersSeeEveryColumnFamilyAndTheirSettingsWin() {
    List<String> families = new ArrayList<>();
    List<Long> writeBuffers = new ArrayList<>();
    StoreOptions options = StoreOptions.builder()
        .dbOptions(db -> db.setMaxOpenFiles(64))
        .columnFamilyOptions((name, cf) -> {
          families.add(name);
          cf.setWriteBufferSize(8L << 20);
          writeBuffers.add(cf.writeBufferSize());
        })
        .registry(registry -> registry.name("custom").defaultTtl(Duration.ofSeconds(42)))
        .build();

    try (TripleStore store = TripleStore.open(directory, options)) {
      assertThat(families).containsExactly("default", "str2id", "id2str", "spo", "pos", "osp", "spog", "posg", "ospg", "gspo", "gpos", "gosp", "meta", "graphs");
      assertThat(writeBuffers).containsOnly(8L << 20);
      assertThat(store.registry().name()).isEqualTo("custom");
      assertThat(store.registry().defaultTtl()).isEqualTo(Duration.ofSeconds(42));
    }
  }

  @Test
  void defaultsAreDurableAndBounded() {
    StoreOptions defaults = StoreOptions.defaults();
    assertThat(defaults.syncWrites()).isTrue();
    assertThat(defaults.maxAtomicImportTriples()).isEqualTo(1_000_000);
    assertThat(defaults.bulkBatchTriples()).isEqualTo(100_000);
    try (TripleStore store = TripleStore.open(directory)) {
      assertThat(store.registry().name()).isEqualTo("store");
    }
  }

  @Test
  void invalidValuesFailFastNamingTheValue() {
    assertThatThrownBy(() -> StoreOptions.builder().maxAtomicImportTriples(0)).hasMessage("max atomic import triples must be 1 or more: 0");
    assertThatThrownBy(() -> StoreOptions.builder().bulkBatchTriples(-5)).hasMessage("bulk batch triples must be 1 or more: -5");
    assertThatThrownBy(() -> StoreOptions.builder().termCacheSize(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> StoreOptions.builder().blockCacheBytes(0)).hasMessageContaining("0");
  }

  @Test
  void anInvalidRegistrySettingFailsTheOpenAndLeavesTheDirectoryUsable() {
    StoreOptions bad = StoreOptions.builder()
        .registry(registry -> registry.maxTtl(Duration.ofSeconds(1)).defaultTtl(Duration.ofSeconds(5)))
        .build();
    assertThatThrownBy(() -> TripleStore.open(directory, bad)).hasMessageContaining("above the max TTL");
    try (TripleStore store = TripleStore.open(directory)) {
      assertThat(store.size()).isZero();
    }
  }
}
