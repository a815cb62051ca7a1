package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;

/** {@link TripleStore#verify()} passes on a store written only through its API, and names each kind of damage. */
class VerifyTest {

  @TempDir Path directory;

  @Test
  void aStoreWrittenThroughTheApiIsConsistent() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(List.of(triple("a", "p", "b"), triple("b", "p", "c"), triple("c", "q", "a")));
      store.remove(triple("b", "p", "c"));
      store.bulkLoad(new java.io.ByteArrayInputStream("<http://example.org/x> <http://example.org/p> \"1\" .\n"
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)), ImportOptions.strict());

      VerificationReport report = store.verify();

      assertThat(report.violations()).isEmpty();
      assertThat(report.consistent()).isTrue();
      assertThat(report.quads()).isEqualTo(3);
      assertThat(report.terms()).isEqualTo(7);
      assertThat(report.describe()).startsWith("consistent: 3 quads, 7 terms, 0 violations");
      assertThat(store.registry().count()).as("its lease is released").isZero();
    }
  }

  @Test
  void anIndexEntryWhoseTermIsNotInTheDictionaryIsReported() {
    damage(db -> db.db.delete(db.id2str, Dictionary.toBytes(3)));

    assertThat(verifyAfterDamage()).anyMatch(v -> v.contains("uses term id 3, which is not in the dictionary"))
        .anyMatch(v -> v.contains("maps to id 3, which maps to no term"));
  }

  @Test
  void anEntryMissingFromOneIndexIsReported() {
    damage(db -> db.db.delete(db.index(IndexOrder.POS), IndexOrder.POS.key(1, 2, 3, 0)));

    assertThat(verifyAfterDamage()).contains("spo entry [1, 2, 3] is missing from pos",
        "index pos has 0 entries, spo has 1");
  }

  @Test
  void twoTermsForOneIdAreReported() {
    damage(db -> db.db.put(db.str2id, TermCodec.encode(TestStores.iri("other")), Dictionary.toBytes(1)));

    assertThat(verifyAfterDamage()).anyMatch(v -> v.contains("<http://example.org/other> maps to id 1, which maps to"
        + " <http://example.org/a>: two terms for one id"));
  }

  @Test
  void aWrongTripleCounterIsReported() {
    damage(db -> db.db.put(db.meta, Dictionary.TRIPLE_COUNT_KEY, Dictionary.toBytes(5)));

    assertThat(verifyAfterDamage()).containsExactly("the default graph counter says 5, the spo index holds 1");
  }

  @Test
  void anIdAtOrAboveTheNextTermIdIsReported() {
    damage(db -> db.db.put(db.meta, Dictionary.NEXT_TERM_ID_KEY, Dictionary.toBytes(2)));

    assertThat(verifyAfterDamage()).anyMatch(v -> v.startsWith("term id 3 is outside the allocated range 1..1"));
  }

  @Test
  void aNamedGraphEntryMissingFromOneIndexIsReported() {
    damage(db -> db.db.delete(db.index(IndexOrder.POSG), IndexOrder.POSG.key(1, 2, 3, 4)));

    assertThat(verifyAfterDamage()).contains("gspo entry [1, 2, 3, 4] is missing from posg",
        "index posg has 0 entries, gspo has 1");
  }

  @Test
  void aWrongGraphCounterIsReported() {
    damage(db -> db.db.put(db.graphs, Dictionary.toBytes(4), Dictionary.toBytes(2)));

    assertThat(verifyAfterDamage()).containsExactly("graph 4 is counted as holding 2 quads, gspo holds 1");
  }

  @Test
  void aNamedGraphWithoutACounterAndACounterWithoutAGraphAreReported() {
    damage(db -> {
      db.db.delete(db.graphs, Dictionary.toBytes(4));
      db.db.put(db.graphs, Dictionary.toBytes(2), Dictionary.toBytes(1));
    });

    assertThat(verifyAfterDamage()).containsExactlyInAnyOrder("graph 2 is counted as holding 1 quads, gspo holds 0",
        "graph 4 holds 1 quads in gspo but has no counter");
  }

  @Test
  void aWrongNamedQuadCounterIsReported() {
    damage(db -> db.db.put(db.meta, Dictionary.NAMED_QUAD_COUNT_KEY, Dictionary.toBytes(0)));

    assertThat(verifyAfterDamage()).containsExactly("the named graph counter says 0, the gspo index holds 1");
  }

  /**
   * A store of one triple (ids 1, 2, 3) in the default graph and the same triple in graph 4,
   * closed, then changed behind the store's back.
   */
  private void damage(RocksChange change) {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(triple("a", "p", "b"));
      store.add(Quad.of(triple("a", "p", "b"), TestStores.iri("g")));
    }
    try (StoreDatabase db = StoreDatabase.open(directory, StoreOptions.defaults())) {
      change.apply(db);
    } catch (RocksDBException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> verifyAfterDamage() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      VerificationReport report = store.verify();
      assertThat(report.consistent()).isFalse();
      assertThat(report.violationCount()).isEqualTo(report.violations().size());
      assertThat(report.describe()).startsWith("INCONSISTENT");
      return report.violations();
    }
  }

  @FunctionalInterface
  private interface RocksChange {
    void apply(StoreDatabase db) throws RocksDBException;
  }
}
