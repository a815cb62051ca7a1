package io.triplestore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotReleasedException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The term caches serve reads at a lease: a dictionary read at a lease reaches the lease only on a
 * cache miss, and what it reads there (a committed, immutable mapping) serves every later read.
 */
class DictionaryAtALeaseTest {

  @TempDir Path directory;
  private StoreDatabase database;
  private SnapshotRegistry registry;
  private Dictionary dictionary;
  private CountingReader latest;
  private SnapshotLease lease;
  private CountingReader atLease;
  private final Term subject = TestStores.iri("s");

  @BeforeEach
  void open() {
    try (TripleStore store = TestStores.open(directory, new FakeTicker())) {
      store.add(TestStores.triple("s", "p", "o"));
    }
    database = StoreDatabase.open(directory, StoreOptions.defaults());
    registry = SnapshotRegistry.builder().rocksDb(database.db).scheduler(Scheduler.manual()).jfrEvents(false).build();
    dictionary = new Dictionary(database, 100);
    latest = new CountingReader(new LatestKeyReader(database.db, new StoreGuard(directory.toString())));
    lease = registry.create();
    atLease = new CountingReader(new LeaseKeyReader(lease));
  }

  @AfterEach
  void close() {
    registry.close();
    database.close();
  }

  @Test
  void termToIdAtALeaseIsServedFromTheCacheThatLatestReadsFilled() {
    long id = dictionary.lookup(latest, subject);

    assertThat(dictionary.lookup(atLease, subject)).isEqualTo(id);
    assertThat(atLease.gets).isZero();
  }

  @Test
  void idToTermAtALeaseIsReadThroughTheLeaseOnceThenServedFromTheCache() {
    long id = idReadWithoutTheCaches(subject);

    assertThat(dictionary.term(atLease, id)).isEqualTo(subject);
    assertThat(dictionary.term(atLease, id)).isEqualTo(subject);
    assertThat(atLease.gets).isOne();
  }

  @Test
  void mappingsReadAtALeaseServeLatestReadsToo() {
    long id = dictionary.lookup(atLease, subject);
    assertThat(dictionary.term(atLease, id)).isEqualTo(subject);

    assertThat(dictionary.lookup(latest, subject)).isEqualTo(id);
    assertThat(dictionary.term(latest, id)).isEqualTo(subject);
    assertThat(latest.gets).isZero();
  }

  @Test
  void aTermUnknownAtTheLeaseIsAskedOfTheLeaseEveryTimeAndNeverCached() {
    Term unknown = TestStores.iri("unknown");

    assertThat(dictionary.lookup(atLease, unknown)).isEqualTo(Dictionary.NONE);
    assertThat(dictionary.lookup(atLease, unknown)).isEqualTo(Dictionary.NONE);
    assertThat(atLease.gets).isEqualTo(2);
  }

  @Test
  void aCacheMissAtAReleasedLeaseThrows() {
    long id = idReadWithoutTheCaches(subject);
    lease.close();

    assertThatThrownBy(() -> dictionary.lookup(atLease, subject)).isInstanceOf(SnapshotReleasedException.class);
    assertThatThrownBy(() -> dictionary.term(atLease, id)).isInstanceOf(SnapshotReleasedException.class);
  }

  /** The id of {@code term}, read with a dictionary of its own, so that this test's caches stay empty. */
  private long idReadWithoutTheCaches(Term term) {
    return new Dictionary(database, 100).lookup(latest.delegate, term);
  }

  /** Counts the point reads that reach the reader it wraps. */
  private static final class CountingReader implements KeyReader {
    final KeyReader delegate;
    int gets;

    CountingReader(KeyReader delegate) {
      this.delegate = delegate;
    }

    @Override
    public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
      gets++;
      return delegate.get(columnFamily, key);
    }

    @Override
    public KeyCursor scan(ColumnFamilyHandle columnFamily, byte[] lower, byte[] upper) {
      return delegate.scan(columnFamily, lower, upper);
    }
  }
}
