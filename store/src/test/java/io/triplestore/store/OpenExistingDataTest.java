package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store is created only in a new or empty directory; existing data is opened, never replaced. */
class OpenExistingDataTest {

  @TempDir Path directory;

  @Test
  void aDirectoryWithDataFilesButNeitherCurrentNorWalIsRefusedAndKeepsItsFiles() throws IOException {
    Path data = storeWithFlushedData();
    deleteMatching(data, name -> name.equals("CURRENT") || name.endsWith(".log"));
    List<String> before = fileNames(data);

    assertThatThrownBy(() -> TestStores.open(data, new FakeTicker()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no CURRENT file")
        .hasMessageContaining(data.toString())
        .hasMessageContaining(".sst");
    assertThat(fileNames(data)).as("nothing deleted or created").isEqualTo(before);
  }

  @Test
  void aDirectoryWithDataFilesButNoCurrentIsRefusedNamingWhatIsMissing() throws IOException {
    Path data = storeWithFlushedData();
    deleteMatching(data, name -> name.equals("CURRENT"));
    List<String> before = fileNames(data);

    assertThatThrownBy(() -> TestStores.open(data, new FakeTicker()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no CURRENT file")
        .hasMessageNotContaining("While creating a new Db");
    assertThat(fileNames(data)).isEqualTo(before);
  }

  @Test
  void aNewOrEmptyDirectoryGetsANewStore() throws IOException {
    Path empty = Files.createDirectories(directory.resolve("empty"));
    try (TripleStore store = TestStores.open(empty, new FakeTicker())) {
      assertThat(store.size()).isZero();
    }
    try (TripleStore store = TestStores.open(directory.resolve("new/nested"), new FakeTicker())) {
      assertThat(store.size()).isZero();
    }
  }

  @Test
  void anExistingStoreOpensWithItsData() {
    Path data = storeWithFlushedData();
    try (TripleStore store = TestStores.open(data, new FakeTicker())) {
      assertThat(store.contains(triple("s", "p", "o"))).isTrue();
    }
  }

  private Path storeWithFlushedData() {
    Path data = directory.resolve("data");
    try (TripleStore store = TestStores.open(data, new FakeTicker())) {
      store.add(triple("s", "p", "o"));
      store.flush();
    }
    return data;
  }

  private static void deleteMatching(Path data, java.util.function.Predicate<String> name) throws IOException {
    for (String file : fileNames(data)) {
      if (name.test(file)) {
        Files.delete(data.resolve(file));
      }
    }
  }

  private static List<String> fileNames(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> !name.startsWith("LOG")).sorted().toList();
    }
  }
}
