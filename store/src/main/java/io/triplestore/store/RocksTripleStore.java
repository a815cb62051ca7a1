package io.triplestore.store;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.rocksdb.WriteOptions;

/**
 * {@link TripleStore} on one RocksDB database.
 *
 * <p>Concurrency: writes are serialized by the {@link TripleWriter}; reads are lock-free apart
 * from the {@link StoreGuard}'s shared lock, which only {@link #close()} takes exclusively.
 */
final class RocksTripleStore implements TripleStore {

  private final Path directory;
  private final StoreOptions options;
  private final StoreDatabase database;
  private final StoreGuard guard;
  private final SnapshotRegistry registry;
  private final Dictionary dictionary;
  private final KeyReader latest;
  private final TripleWriter writer;
  private final WriteOptions writeOptions;
  private final BulkLoader bulkLoader;
  private final SstBulkLoader sstBulkLoader;
  private final StoreMaintenance maintenance;
  private final CardinalityEstimator estimator;

  /** Below this many matches, {@link #estimate} counts exactly. */
  static final int EXACT_ESTIMATE_UP_TO = 1024;

  private RocksTripleStore(Path directory, StoreOptions options, StoreDatabase database) {
    this.directory = directory;
    this.options = options;
    this.database = database;
    this.guard = new StoreGuard(directory.toString());
    this.dictionary = new Dictionary(database, options.termCacheSize());
    this.latest = new LatestKeyReader(database.db, guard);
    this.writer = new TripleWriter(database, dictionary, latest, options.termCacheSize());
    this.writeOptions = new WriteOptions().setSync(options.syncWrites());
    this.bulkLoader = new BulkLoader(writer, options.bulkBatchTriples());
    this.sstBulkLoader = new SstBulkLoader(database, directory, writer);
    SnapshotRegistryBuilder builder = SnapshotRegistry.builder().rocksDb(database.db).name("store");
    options.registryCustomizer().accept(builder);
    this.registry = builder.build();
    this.maintenance = new StoreMaintenance(database, registry, dictionary, latest);
    this.estimator = new CardinalityEstimator(database, dictionary, latest, EXACT_ESTIMATE_UP_TO);
  }

  static TripleStore open(Path directory, StoreOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    StoreDatabase database = StoreDatabase.open(directory, options);
    try {
      StoreFormat.upgrade(database);
      // Before the writer reads the counters: a bulk load committed before a crash completes now.
      new BulkLoadJournal(database, directory, BulkLoadJournal.StepHook.NONE).recover();
      return new RocksTripleStore(directory, options, database);
    } catch (RuntimeException | Error e) {
      database.close();
      throw e;
    }
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public SnapshotRegistry registry() {
    return registry;
  }

  @Override
  public ChangeResult addQuads(Collection<Quad> quads) {
    return write(quads, true);
  }

  @Override
  public ChangeResult removeQuads(Collection<Quad> quads) {
    return write(quads, false);
  }

  private ChangeResult write(Collection<Quad> quads, boolean add) {
    return add ? change(List.of(), quads) : change(quads, List.of());
  }

  @Override
  public ChangeResult change(Collection<Quad> removes, Collection<Quad> adds) {
    return change(List.of(), removes, adds);
  }

  @Override
  public ChangeResult change(Collection<GraphSelector> clears, Collection<Quad> removes, Collection<Quad> adds) {
    List<GraphSelector> toClear = disjoint(clears);
    List<Quad> toRemove = List.copyOf(removes);
    List<Quad> toAdd = List.copyOf(adds);
    return guard.call(() -> {
      // Native staging for a clear: a graph may hold more quads than the Java heap should.
      try (TripleWriter.StagedWrite write = toClear.isEmpty() ? writer.begin() : writer.beginLarge()) {
        for (GraphSelector graphs : toClear) {
          stageClear(write, graphs);
        }
        for (Quad quad : toRemove) {
          write.remove(quad);
        }
        for (Quad quad : toAdd) {
          write.add(quad);
        }
        return write.commit(writeOptions);
      }
    });
  }

  /**
   * The graphs {@code clears} select, as selectors that share no graph: each clear stages the
   * removes of what it reads from the database, not from the staged write, so a quad two of them
   * selected would be removed, and counted, twice.
   */
  private static List<GraphSelector> disjoint(Collection<GraphSelector> clears) {
    Set<GraphSelector> selectors = new LinkedHashSet<>();
    for (GraphSelector graphs : clears) {
      selectors.add(Objects.requireNonNull(graphs, "a graph selector to clear"));
    }
    if (selectors.contains(GraphSelector.ALL)
        || (selectors.contains(GraphSelector.DEFAULT) && selectors.contains(GraphSelector.NAMED))) {
      return List.of(GraphSelector.ALL);
    }
    if (selectors.contains(GraphSelector.NAMED)) {
      selectors.removeIf(graphs -> graphs instanceof GraphSelector.Named);
    }
    return List.copyOf(selectors);
  }

  /** Stages the remove of every quad of {@code graphs}, read at the latest state under the writer's lock. */
  private void stageClear(TripleWriter.StagedWrite write, GraphSelector graphs) {
    for (MatchPlan plan : plan(QuadPattern.of(null, null, null, graphs), latest)) {
      try (KeyReader.KeyCursor cursor = latest.scan(database.index(plan.index()), plan.lower(), plan.upper())) {
        for (; cursor.isValid(); cursor.next()) {
          long[] ids = plan.index().quad(cursor.key());
          write.removeStored(ids[0], ids[1], ids[2], ids[3]);
        }
      }
    }
  }

  @Override
  public long estimate(QuadPattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.triplePattern().isUnbound()) {
      return countGraphs(pattern.graphs(), latest);
    }
    return guard.call(() -> {
      long estimate = 0;
      for (MatchPlan plan : plan(pattern, latest)) {
        estimate += estimator.estimate(plan);
      }
      return estimate;
    });
  }

  @Override
  public boolean contains(Quad quad) {
    Objects.requireNonNull(quad, "quad");
    GraphSelector graph = quad.graph() == null ? GraphSelector.DEFAULT : GraphSelector.named(quad.graph());
    return count(QuadPattern.of(quad.subject(), quad.predicate(), quad.object(), graph)) > 0;
  }

  @Override
  public ChangeResult clear(GraphSelector graphs) {
    Objects.requireNonNull(graphs, "graphs");
    return change(List.of(graphs), List.of(), List.of());
  }

  @Override
  public List<Term> namedGraphs() {
    return guard.call(() -> {
      List<Term> graphs = new java.util.ArrayList<>();
      try (KeyReader.KeyCursor cursor = latest.scan(database.graphs, null, null)) {
        for (; cursor.isValid(); cursor.next()) {
          graphs.add(dictionary.term(latest, Dictionary.toLong(cursor.key())));
        }
      }
      return graphs;
    });
  }

  @Override
  public long size(GraphSelector graphs) {
    return count(QuadPattern.of(null, null, null, graphs));
  }

  @Override
  public CloseableIterator<Quad> match(QuadPattern pattern, long limit) {
    return match(pattern, latest, limit);
  }

  @Override
  public CloseableIterator<Quad> match(QuadPattern pattern, SnapshotLease lease, long limit) {
    return match(pattern, readerAt(lease), limit);
  }

  private CloseableIterator<Quad> match(QuadPattern pattern, KeyReader reader, long limit) {
    Objects.requireNonNull(pattern, "pattern");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more: " + limit);
    }
    List<MatchPlan> plans = plan(pattern, reader);
    if (plans.isEmpty() || limit == 0) {
      return EmptyIterator.INSTANCE.cast();
    }
    return new MatchIterator(reader, dictionary, database, plans, pattern, limit);
  }

  @Override
  public long count(QuadPattern pattern) {
    return count(pattern, latest);
  }

  @Override
  public long count(QuadPattern pattern, SnapshotLease lease) {
    return count(pattern, readerAt(lease));
  }

  private long count(QuadPattern pattern, KeyReader reader) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.triplePattern().isUnbound()) {
      return countGraphs(pattern.graphs(), reader);
    }
    long count = 0;
    for (MatchPlan plan : plan(pattern, reader)) {
      try (KeyReader.KeyCursor cursor = reader.cursor(database.index(plan.index()), plan)) {
        for (; cursor.isValid(); cursor.next()) {
          count++;
        }
      }
    }
    return count;
  }

  /** The quads of the selected graphs, from the counters every write keeps. */
  private long countGraphs(GraphSelector graphs, KeyReader reader) {
    if (graphs instanceof GraphSelector.Named named) {
      long graph = idOf(named.name(), reader);
      if (graph < 0) {
        return 0;
      }
      byte[] count = reader.get(database.graphs, Dictionary.toBytes(graph));
      return count == null ? 0 : Dictionary.toLong(count);
    }
    long count = 0;
    if (graphs.selects(null)) {
      count += dictionary.counter(reader, Dictionary.TRIPLE_COUNT_KEY);
    }
    if (!(graphs instanceof GraphSelector.DefaultGraph)) {
      count += dictionary.counter(reader, Dictionary.NAMED_QUAD_COUNT_KEY);
    }
    return count;
  }

  /** The scans for {@code pattern}; none when a bound term is unknown: no matches. */
  private List<MatchPlan> plan(QuadPattern pattern, KeyReader reader) {
    long s = idOf(pattern.subject(), reader);
    long p = idOf(pattern.predicate(), reader);
    long o = idOf(pattern.object(), reader);
    long g = pattern.graphs() instanceof GraphSelector.Named named ? idOf(named.name(), reader) : Dictionary.NONE;
    if (s < 0 || p < 0 || o < 0 || g < 0) {
      return List.of();
    }
    return MatchPlan.of(s, p, o, pattern.graphs(), g);
  }

  /** The id of a bound term, {@link Dictionary#NONE} when unbound, -1 when not in the store. */
  private long idOf(Term term, KeyReader reader) {
    if (term == null) {
      return Dictionary.NONE;
    }
    long id = dictionary.lookup(reader, term);
    return id == Dictionary.NONE ? -1 : id;
  }

  /** Reads at {@code lease}, which must come from this store's registry. */
  private KeyReader readerAt(SnapshotLease lease) {
    Objects.requireNonNull(lease, "lease");
    // A lease of another database would read this database's column families through the other's
    // snapshot: refuse it. Asked of the lease itself (a field), not of the registry, whose lookup
    // takes its lock on every read at a lease. A released lease of this registry passes: its first
    // read throws, with the reason.
    if (!lease.belongsTo(registry)) {
      throw new IllegalArgumentException("lease " + lease.id() + " does not belong to the registry of the store at " + directory);
    }
    return new LeaseKeyReader(lease);
  }

  @Override
  public ImportResult importRdf(InputStream in, RDFFormat format, ImportOptions importOptions) {
    return stageAll(in, format, importOptions, true);
  }

  @Override
  public ImportResult removeRdf(InputStream in, RDFFormat format, ImportOptions importOptions) {
    return stageAll(in, format, importOptions, false);
  }

  /** Reads the whole input into one native staged write and commits it: all of it or nothing. */
  private ImportResult stageAll(InputStream in, RDFFormat format, ImportOptions importOptions, boolean add) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(importOptions, "options");
    int max = options.maxAtomicImportTriples();
    return guard.call(() -> {
      try (TripleWriter.StagedWrite write = writer.beginLarge()) {
        long skipped = ParsingPipeline.run(in, format, importOptions, quad -> {
          if (write.staged() >= max) {
            throw new ImportTooLargeException(max);
          }
          if (add) {
            write.add(quad);
          } else {
            write.remove(quad);
          }
        });
        ChangeResult result = write.commit(writeOptions);
        importOptions.progress(result.applied() + result.noOps());
        return new ImportResult(result.applied(), result.noOps(), skipped, 1);
      }
    });
  }

  @Override
  public ImportResult bulkLoad(InputStream in, RDFFormat format, ImportOptions importOptions) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(importOptions, "options");
    return guard.call(() -> options.sstBulkLoad() && SstBulkLoader.handles(format, importOptions)
        ? sstBulkLoader.load(in, format, importOptions)
        : bulkLoader.run(in, format, importOptions, BulkLoader.Change.ADD));
  }

  @Override
  public ImportResult bulkRemove(InputStream in, RDFFormat format, ImportOptions importOptions) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(importOptions, "options");
    return guard.call(() -> bulkLoader.run(in, format, importOptions, BulkLoader.Change.REMOVE));
  }

  @Override
  public long export(OutputStream out, RDFFormat format, GraphSelector graphs) {
    return RdfOutput.write(out, format, graphs, match(QuadPattern.of(null, null, null, graphs)));
  }

  @Override
  public long export(OutputStream out, RDFFormat format, GraphSelector graphs, SnapshotLease lease) {
    return RdfOutput.write(out, format, graphs, match(QuadPattern.of(null, null, null, graphs), lease));
  }

  @Override
  public long export(OutputStream out, RDFFormat format, QuadPattern pattern, long limit) {
    return RdfOutput.write(out, format, pattern.graphs(), match(pattern, limit));
  }

  @Override
  public long export(OutputStream out, RDFFormat format, QuadPattern pattern, long limit, SnapshotLease lease) {
    return RdfOutput.write(out, format, pattern.graphs(), match(pattern, lease, limit));
  }

  @Override
  public VerificationReport verify() {
    return guard.call(() -> {
      try (SnapshotLease lease = registry.create(LeaseOptions.builder().label("store verify").build())) {
        return new StoreVerifier(database, new LeaseKeyReader(lease)).verify();
      }
    });
  }

  @Override
  public StoreStats stats() {
    return guard.call(maintenance::stats);
  }

  @Override
  public void reclaim() {
    guard.run(maintenance::reclaim);
  }

  @Override
  public void compact() {
    guard.run(maintenance::compact);
  }

  @Override
  public void flush() {
    guard.run(database::flushAll);
  }

  @Override
  public void close() {
    // Leases first: RocksDB must not close under a snapshot, and a lease read must end with
    // SnapshotReleasedException(CLOSED), never with a read of a closed database. The registry's
    // close() is a barrier: when it returns, no lease read, native release (whichever thread
    // claimed it) or snapshot creation is running, and none can start.
    registry.close();
    guard.close(() -> {
      writeOptions.close();
      database.close();
    });
  }

  @Override
  public String toString() {
    return "TripleStore[" + directory + "]";
  }
}
