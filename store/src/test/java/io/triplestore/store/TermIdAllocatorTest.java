package io.triplestore.store;

import static io.triplestore.store.TestStores.triple;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The next term id is never one that exists on disk, whatever the stored counter says. */
class TermIdAllocatorTest {

  @TempDir Path directory;

  @Test
  void aCounterBehindTheDictionaryDoesNotHandOutAnIdThatExists() throws Exception {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(triple("a", "p", "b")); // ids 1, 2, 3; next-term-id 4
    }
    // What the old bulk path could leave after a crash: dictionary on disk, counter not.
    try (StoreDatabase db = StoreDatabase.open(directory, StoreOptions.defaults())) {
      db.db.put(db.meta, Dictionary.NEXT_TERM_ID_KEY, Dictionary.toBytes(1));
    }

    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(triple("new", "p", "b"));

      assertThat(store.list(TriplePattern.of(TestStores.iri("new"), null, null), 10))
          .containsExactly(triple("new", "p", "b"));
      assertThat(store.list(TriplePattern.of(TestStores.iri("a"), null, null), 10))
          .containsExactly(triple("a", "p", "b"));
      assertThat(store.verify().violations()).isEmpty();
    }
  }
}
