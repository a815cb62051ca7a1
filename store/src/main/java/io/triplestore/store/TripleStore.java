package io.triplestore.store;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * An RDF triple store on RocksDB: a term dictionary and three indexes (SPO, POS, OSP), with reads
 * at the latest state or at a {@link SnapshotLease} of the store's own {@link #registry()}.
 *
 * <p>Writes ({@link #add}, {@link #remove}, imports) are atomic batches, serialized among
 * themselves; with the default options each is synced to disk before it returns. Reads never wait
 * for writes. A read without a lease sees the latest committed data, consistently for the life of
 * one iterator; a read at a lease sees the data as of the lease's creation, however long it runs,
 * and fails with {@code SnapshotReleasedException} once the lease is released.
 *
 * <p>All methods are thread-safe; an iterator is for one thread at a time.
 */
public interface TripleStore extends AutoCloseable {

  /** Opens (creating if needed) the store in {@code directory}. */
  static TripleStore open(Path directory, StoreOptions options) {
    return RocksTripleStore.open(directory, options);
  }

  /** Opens the store in {@code directory} with the default options. */
  static TripleStore open(Path directory) {
    return open(directory, StoreOptions.defaults());
  }

  /** The store's directory. */
  Path directory();

  /** The registry of this store's snapshots: create leases here to read at them. */
  SnapshotRegistry registry();

  /** Adds one triple; false (a no-op) when it is already there. */
  boolean add(Triple triple);

  /** Adds the triples in one atomic batch. */
  ChangeResult add(Collection<Triple> triples);

  /** Removes one triple; false (a no-op) when it is not there. */
  boolean remove(Triple triple);

  /** Removes the triples in one atomic batch. */
  ChangeResult remove(Collection<Triple> triples);

  /** Whether the triple is in the store now. */
  boolean contains(Triple triple);

  /** Every triple matching {@code pattern}, at the latest state. Close the iterator. */
  default CloseableIterator<Triple> match(TriplePattern pattern) {
    return match(pattern, Long.MAX_VALUE);
  }

  /** Up to {@code limit} triples matching {@code pattern}, at the latest state. */
  CloseableIterator<Triple> match(TriplePattern pattern, long limit);

  /** Every triple matching {@code pattern} as of {@code lease}. */
  default CloseableIterator<Triple> match(TriplePattern pattern, SnapshotLease lease) {
    return match(pattern, lease, Long.MAX_VALUE);
  }

  /**
   * Up to {@code limit} triples matching {@code pattern} as of {@code lease}, a lease of this
   * store's {@link #registry()}. Index reads go through the lease; dictionary reads are served by
   * the store's term caches when they hold the term, and otherwise go through the lease.
   *
   * @throws io.triplestore.snapshots.SnapshotReleasedException if the lease is released, now or
   *     while iterating
   * @throws IllegalArgumentException if the lease belongs to another registry
   */
  CloseableIterator<Triple> match(TriplePattern pattern, SnapshotLease lease, long limit);

  /** Collects up to {@code limit} matches into a list. */
  default List<Triple> list(TriplePattern pattern, long limit) {
    try (CloseableIterator<Triple> matches = match(pattern, limit)) {
      return matches.stream().toList();
    }
  }

  /** How many triples match {@code pattern} now. */
  long count(TriplePattern pattern);

  /** How many triples matched {@code pattern} as of {@code lease}. */
  long count(TriplePattern pattern, SnapshotLease lease);

  /** Triples in the store: exact, kept up to date by every write. */
  long size();

  /**
   * Imports N-Triples atomically: either every triple becomes visible at once, or (on a malformed
   * line, or beyond {@link StoreOptions#maxAtomicImportTriples()}) nothing does. The input is
   * streamed; what is staged lives in a native write batch, not on the Java heap. Other writers
   * wait until the import has committed.
   *
   * @throws NTriplesSyntaxException on a malformed line, naming line and column (unless the
   *     options skip bad lines)
   * @throws ImportTooLargeException when the input holds more triples than may be staged
   */
  ImportResult importNTriples(InputStream in, ImportOptions options);

  /**
   * Loads a large N-Triples input in committed batches of {@link StoreOptions#bulkBatchTriples()},
   * each written with the write-ahead log off and then flushed to SST files (one atomic flush of
   * every column family) before it counts as committed and before any other write may start. A
   * batch reported to the progress callback survives a crash; a crash during a batch loses that
   * batch only, and never a write acknowledged by another path.
   *
   * @throws BulkLoadException on failure, telling how many triples were committed before it
   */
  ImportResult bulkLoad(InputStream in, ImportOptions options);

  /** Writes every triple as N-Triples, at the latest state; returns how many. */
  long exportNTriples(OutputStream out);

  /** Writes every triple as N-Triples as of {@code lease}; returns how many. */
  long exportNTriples(OutputStream out, SnapshotLease lease);

  /**
   * Checks every invariant of the stored data, at one consistent state (a lease of its own, so
   * writes may go on meanwhile): the dictionary maps terms to ids one to one, every id is below
   * the next id to be handed out, every index entry is in all three indexes and uses only ids of
   * the dictionary, and the triple counter equals the real count. Reads everything: on a large
   * store this takes as long as an export.
   */
  VerificationReport verify();

  /** Point-in-time figures: sizes, counts, snapshots. */
  StoreStats stats();

  /**
   * Gives back space that released snapshots pinned: a compaction of every column family with
   * forced bottommost-level compaction ({@code kForceOptimized}). Plain {@link #compact()} leaves
   * the bottommost files, and what they hold, as they are.
   */
  void reclaim();

  /** A plain full compaction of every column family. */
  void compact();

  /** Flushes every memtable to SST files. */
  void flush();

  /**
   * Releases every lease (reason {@code CLOSED}), waits for running operations, closes iterators
   * left open, then closes RocksDB. Idempotent.
   */
  @Override
  void close();
}
