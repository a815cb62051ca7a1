package io.triplestore.store;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * An RDF quad store on RocksDB: a term dictionary, a default graph and any number of named graphs,
 * indexed so that every quad pattern is a prefix scan, with reads at the latest state or at a
 * {@link SnapshotLease} of the store's own {@link #registry()}. The methods on {@link Triple}s and
 * {@link TriplePattern}s read and write the default graph.
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

  /** Adds one triple to the default graph; false (a no-op) when it is already there. */
  default boolean add(Triple triple) {
    return add(Quad.inDefaultGraph(triple));
  }

  /** Adds the triples to the default graph in one atomic batch. */
  default ChangeResult add(Collection<Triple> triples) {
    return addQuads(inDefaultGraph(triples));
  }

  /** Removes one triple from the default graph; false (a no-op) when it is not there. */
  default boolean remove(Triple triple) {
    return remove(Quad.inDefaultGraph(triple));
  }

  /** Removes the triples from the default graph in one atomic batch. */
  default ChangeResult remove(Collection<Triple> triples) {
    return removeQuads(inDefaultGraph(triples));
  }

  /** Whether the triple is in the default graph now. */
  default boolean contains(Triple triple) {
    return contains(Quad.inDefaultGraph(triple));
  }

  /** Adds one quad; false (a no-op) when it is already there. */
  default boolean add(Quad quad) {
    return addQuads(List.of(quad)).applied() == 1;
  }

  /** Adds the quads in one atomic batch. */
  ChangeResult addQuads(Collection<Quad> quads);

  /** Removes one quad; false (a no-op) when it is not there. */
  default boolean remove(Quad quad) {
    return removeQuads(List.of(quad)).applied() == 1;
  }

  /** Removes the quads in one atomic batch. */
  ChangeResult removeQuads(Collection<Quad> quads);

  /** Whether the quad is in the store now. */
  boolean contains(Quad quad);

  /**
   * Removes {@code removes}, then adds {@code adds}, in one atomic batch: a transaction of a
   * SPARQL update, say, that deletes and inserts. A quad in both ends up present.
   */
  ChangeResult change(Collection<Quad> removes, Collection<Quad> adds);

  /**
   * Empties the {@code clears} graphs, then removes {@code removes}, then adds {@code adds}, in one
   * atomic batch (a SPARQL update's transaction with a {@code CLEAR} or {@code DROP}). The cleared
   * quads are read under the writer's lock, with the write: a quad another writer adds to a cleared
   * graph is either cleared with the rest or added after this change, never left half-cleared.
   * Staged off the Java heap when there is a clear, as {@link #clear} is.
   */
  ChangeResult change(Collection<GraphSelector> clears, Collection<Quad> removes, Collection<Quad> adds);

  /**
   * About how many quads match {@code pattern} now, for a query planner: exact up to {@value
   * RocksTripleStore#EXACT_ESTIMATE_UP_TO} matches and with s, p and o free (the counters), else
   * RocksDB's estimate of the bytes of the scanned key range over the index's bytes per key.
   * Cheap: at most that many keys read per index, plus a size estimate.
   */
  long estimate(QuadPattern pattern);

  /**
   * Removes every quad of the selected graphs in one atomic batch: {@link GraphSelector#DEFAULT}
   * empties the default graph, {@link GraphSelector#named} one named graph, {@link
   * GraphSelector#NAMED} every named graph, {@link GraphSelector#ALL} everything. Term ids stay.
   */
  ChangeResult clear(GraphSelector graphs);

  /** The named graphs that hold at least one quad now, in id order. */
  List<Term> namedGraphs();

  /** Quads in the selected graphs now: exact, from counters kept by every write. */
  long size(GraphSelector graphs);

  /** Every triple of the default graph matching {@code pattern}, at the latest state. Close it. */
  default CloseableIterator<Triple> match(TriplePattern pattern) {
    return match(pattern, Long.MAX_VALUE);
  }

  /** Up to {@code limit} triples of the default graph matching {@code pattern}, at the latest state. */
  default CloseableIterator<Triple> match(TriplePattern pattern, long limit) {
    return CloseableIterator.map(match(QuadPattern.of(pattern, GraphSelector.DEFAULT), limit), Quad::triple);
  }

  /** Every triple of the default graph matching {@code pattern} as of {@code lease}. */
  default CloseableIterator<Triple> match(TriplePattern pattern, SnapshotLease lease) {
    return match(pattern, lease, Long.MAX_VALUE);
  }

  /** Up to {@code limit} triples of the default graph matching {@code pattern} as of {@code lease}. */
  default CloseableIterator<Triple> match(TriplePattern pattern, SnapshotLease lease, long limit) {
    return CloseableIterator.map(match(QuadPattern.of(pattern, GraphSelector.DEFAULT), lease, limit), Quad::triple);
  }

  /** Every quad matching {@code pattern}, at the latest state. Close the iterator. */
  default CloseableIterator<Quad> match(QuadPattern pattern) {
    return match(pattern, Long.MAX_VALUE);
  }

  /**
   * Up to {@code limit} quads matching {@code pattern}, at the latest state. With {@link
   * GraphSelector#ALL}, the default graph's matches come first, then the named graphs'.
   */
  CloseableIterator<Quad> match(QuadPattern pattern, long limit);

  /** Every quad matching {@code pattern} as of {@code lease}. */
  default CloseableIterator<Quad> match(QuadPattern pattern, SnapshotLease lease) {
    return match(pattern, lease, Long.MAX_VALUE);
  }

  /**
   * Up to {@code limit} quads matching {@code pattern} as of {@code lease}, a lease of this
   * store's {@link #registry()}. Index reads go through the lease; dictionary reads are served by
   * the store's term caches when they hold the term, and otherwise go through the lease.
   *
   * @throws io.triplestore.snapshots.SnapshotReleasedException if the lease is released, now or
   *     while iterating
   * @throws IllegalArgumentException if the lease belongs to another registry
   */
  CloseableIterator<Quad> match(QuadPattern pattern, SnapshotLease lease, long limit);

  /** Collects up to {@code limit} matches of the default graph into a list. */
  default List<Triple> list(TriplePattern pattern, long limit) {
    try (CloseableIterator<Triple> matches = match(pattern, limit)) {
      return matches.stream().toList();
    }
  }

  /** Collects up to {@code limit} matching quads into a list. */
  default List<Quad> list(QuadPattern pattern, long limit) {
    try (CloseableIterator<Quad> matches = match(pattern, limit)) {
      return matches.stream().toList();
    }
  }

  /** How many triples of the default graph match {@code pattern} now. */
  default long count(TriplePattern pattern) {
    return count(QuadPattern.of(pattern, GraphSelector.DEFAULT));
  }

  /** How many triples of the default graph matched {@code pattern} as of {@code lease}. */
  default long count(TriplePattern pattern, SnapshotLease lease) {
    return count(QuadPattern.of(pattern, GraphSelector.DEFAULT), lease);
  }

  /** How many quads match {@code pattern} now. */
  long count(QuadPattern pattern);

  /** How many quads matched {@code pattern} as of {@code lease}. */
  long count(QuadPattern pattern, SnapshotLease lease);

  /** Quads in the store, in every graph: exact, kept up to date by every write. */
  default long size() {
    return size(GraphSelector.ALL);
  }

  /**
   * Adds RDF in {@code format} (any format Rio reads; triple formats go to the default graph)
   * atomically: either every quad becomes visible at once, or (on a syntax error, or beyond
   * {@link StoreOptions#maxAtomicImportTriples()}) nothing does. The input is streamed; what is
   * staged lives in a native write batch, not on the Java heap. Other writers wait until the
   * import has committed.
   *
   * <p>N-Triples and N-Quads are read line by line: a syntax error names its exact line and column,
   * and {@link ImportOptions#skipsBadLines()} leaves bad lines out. Turtle, TriG, RDF/XML and
   * JSON-LD are read by Rio's streaming parser: the first error ends the read, at the line and
   * column the parser knows (none for JSON-LD), and skipping bad lines is refused. Blank node
   * labels are kept as written, except in JSON-LD, whose parser renames them.
   *
   * @throws RdfSyntaxException on malformed input, naming line and column where the format has
   *     them (unless the options skip bad lines, which only line-based formats can)
   * @throws IllegalArgumentException when the options skip bad lines of a format without lines
   * @throws ImportTooLargeException when the input holds more quads than may be staged
   */
  ImportResult importRdf(InputStream in, RDFFormat format, ImportOptions options);

  /**
   * Removes the quads of RDF in {@code format} atomically, with the same reader, limits and
   * errors as {@link #importRdf}: all of them or (on any error) none.
   */
  ImportResult removeRdf(InputStream in, RDFFormat format, ImportOptions options);

  /** Imports N-Triples into the default graph; see {@link #importRdf}. */
  default ImportResult importNTriples(InputStream in, ImportOptions options) {
    return importRdf(in, RDFFormat.NTRIPLES, options);
  }

  /**
   * Loads a large input in {@code format} in committed batches of {@link
   * StoreOptions#bulkBatchTriples()}, each durable before it counts as committed and before any
   * other write may start. A batch reported to the progress callback survives a crash; a crash
   * during a batch loses that batch only, and never a write acknowledged by another path.
   *
   * @throws BulkLoadException on failure, telling how many quads were committed before it
   */
  ImportResult bulkLoad(InputStream in, RDFFormat format, ImportOptions options);

  /**
   * Removes the quads of a large input in {@code format} in committed batches, with the batching,
   * durability and failure of {@link #bulkLoad(InputStream, RDFFormat, ImportOptions)}: what a
   * committed batch removed stays removed when a later one fails. In the {@link ImportResult},
   * {@code added} counts the quads removed and {@code noOps} those that were not there.
   *
   * @throws BulkLoadException on failure, telling how many input quads were committed before it
   */
  ImportResult bulkRemove(InputStream in, RDFFormat format, ImportOptions options);

  /** Bulk-loads N-Triples into the default graph; see {@link #bulkLoad(InputStream, RDFFormat, ImportOptions)}. */
  default ImportResult bulkLoad(InputStream in, ImportOptions options) {
    return bulkLoad(in, RDFFormat.NTRIPLES, options);
  }

  /**
   * Writes the quads of the selected graphs in {@code format} (any format Rio writes), at the
   * latest state; returns how many. A format without graphs (N-Triples, Turtle, RDF/XML) takes
   * one graph only: {@link GraphSelector#DEFAULT} or {@link GraphSelector#named}.
   *
   * @throws IllegalArgumentException when {@code format} cannot hold what {@code graphs} selects
   */
  long export(OutputStream out, RDFFormat format, GraphSelector graphs);

  /** Like {@link #export(OutputStream, RDFFormat, GraphSelector)}, as of {@code lease}. */
  long export(OutputStream out, RDFFormat format, GraphSelector graphs, SnapshotLease lease);

  /**
   * Writes up to {@code limit} quads matching {@code pattern} in {@code format}, at the latest
   * state; returns how many. The format must hold what {@code pattern.graphs()} selects, as for
   * {@link #export(OutputStream, RDFFormat, GraphSelector)}.
   */
  long export(OutputStream out, RDFFormat format, QuadPattern pattern, long limit);

  /** Like {@link #export(OutputStream, RDFFormat, QuadPattern, long)}, as of {@code lease}. */
  long export(OutputStream out, RDFFormat format, QuadPattern pattern, long limit, SnapshotLease lease);

  /** Writes the default graph as N-Triples, at the latest state; returns how many triples. */
  default long exportNTriples(OutputStream out) {
    return export(out, RDFFormat.NTRIPLES, GraphSelector.DEFAULT);
  }

  /** Writes the default graph as N-Triples as of {@code lease}; returns how many triples. */
  default long exportNTriples(OutputStream out, SnapshotLease lease) {
    return export(out, RDFFormat.NTRIPLES, GraphSelector.DEFAULT, lease);
  }

  private static List<Quad> inDefaultGraph(Collection<Triple> triples) {
    return triples.stream().map(Quad::inDefaultGraph).toList();
  }

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
