package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A directory written by the triple store of on-disk format 1 ({@code format-v1-store} in the test
 * resources: made by commit a700b4f's code with {@code format-v1-store.MakeV1.java.txt}) opens as
 * a quad store whose default graph holds its triples; a directory of a newer format is refused.
 */
class FormatUpgradeTest {

  private static final Iri ALICE = Iri.of("http://example.org/alice");
  private static final Iri NAME = Iri.of("http://xmlns.com/foaf/0.1/name");
  private static final List<Triple> FORMAT_1_TRIPLES = List.of(
      Triple.of(ALICE, NAME, Literal.lang("Alice", "en")),
      Triple.of(BlankNode.of("bob"), Iri.of("http://xmlns.com/foaf/0.1/age"),
          Literal.typed("42", Iri.of("http://www.w3.org/2001/XMLSchema#integer"))),
      Triple.of(BlankNode.of("bob"), NAME, Literal.of("Bob")),
      Triple.of(ALICE, Iri.of("http://xmlns.com/foaf/0.1/knows"), Iri.of("http://example.org/carol")));

  @TempDir Path temp;
  private Path directory;

  @BeforeEach
  void copyTheFormat1Directory() throws IOException, URISyntaxException {
    Path source = Path.of(getClass().getResource("/format-v1-store/CURRENT").toURI()).getParent();
    directory = temp.resolve("store");
    Files.createDirectories(directory);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.toList()) {
        Files.copy(file, directory.resolve(file.getFileName()));
      }
    }
  }

  @Test
  void theTriplesOfFormat1BecomeTheDefaultGraph() {
    try (TripleStore store = TripleStore.open(directory)) {
      assertThat(store.list(QuadPattern.any(), 100)).containsExactlyInAnyOrderElementsOf(
          FORMAT_1_TRIPLES.stream().map(Quad::inDefaultGraph).toList());
      assertThat(store.size()).isEqualTo(4);
      assertThat(store.namedGraphs()).isEmpty();
      assertThat(store.verify().violations()).isEmpty();
      assertThat(store.stats().distinctTerms()).as("ids of format 1 kept, none reused").isEqualTo(9);
      // The upgraded store takes quads, and new terms get ids above format 1's.
      store.add(Quad.of(ALICE, NAME, Literal.of("A."), Iri.of("http://example.org/graph")));
      assertThat(store.verify().violations()).isEmpty();
    }
    assertThat(storedFormat()).isEqualTo(StoreFormat.CURRENT);
    try (TripleStore store = TripleStore.open(directory)) {
      assertThat(store.size()).isEqualTo(5);
      assertThat(store.namedGraphs()).containsExactly(Iri.of("http://example.org/graph"));
    }
  }

  @Test
  void anUpgradeCutShortBeforeTheVersionIsWrittenIsDoneAgainOnTheNextOpen() {
    // What a crash between the creation of the new column families and the version's batch leaves.
    StoreDatabase.open(directory, StoreOptions.defaults()).close();
    assertThat(storedFormat()).isNull();

    try (TripleStore store = TripleStore.open(directory)) {
      assertThat(store.size()).isEqualTo(4);
      assertThat(store.verify().violations()).isEmpty();
    }
    assertThat(storedFormat()).isEqualTo(StoreFormat.CURRENT);
  }

  @Test
  void theTripleStoreOfFormat1CannotOpenAnUpgradedDirectory() throws RocksDBException {
    TripleStore.open(directory).close();
    List<ColumnFamilyDescriptor> format1 = new ArrayList<>();
    for (String name : List.of("default", "str2id", "id2str", "spo", "pos", "osp", "meta")) {
      format1.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8)));
    }
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions options = new DBOptions()) {
      assertThatThrownBy(() -> RocksDB.open(options, directory.toString(), format1, handles))
          .isInstanceOf(RocksDBException.class)
          .hasMessageContaining("Column families not opened");
    }
  }

  @Test
  void aDirectoryOfANewerFormatIsRefusedAndLeftAlone() throws RocksDBException {
    TripleStore.open(directory).close();
    try (StoreDatabase database = StoreDatabase.open(directory, StoreOptions.defaults())) {
      database.db.put(database.meta, StoreFormat.VERSION_KEY, Dictionary.toBytes(3));
    }

    assertThatThrownBy(() -> TripleStore.open(directory))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("written by a newer triplestore (on-disk format 3)")
        .hasMessageContaining("open it with the newer version");
    assertThat(storedFormat()).isEqualTo(3);
  }

  @Test
  void aNewDirectoryIsCreatedInTheCurrentFormat() {
    Path fresh = temp.resolve("fresh");
    TripleStore.open(fresh).close();
    directory = fresh;
    assertThat(storedFormat()).isEqualTo(StoreFormat.CURRENT);
  }

  private Long storedFormat() {
    try (StoreDatabase database = StoreDatabase.open(directory, StoreOptions.defaults())) {
      byte[] version = database.db.get(database.meta, StoreFormat.VERSION_KEY);
      return version == null ? null : Dictionary.toLong(version);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }
}
