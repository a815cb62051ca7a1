package io.triplestore.store;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.eclipse.rdf4j.rio.RDFWriter;
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
  private final StoreMaintenance maintenance;

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
    SnapshotRegistryBuilder builder = SnapshotRegistry.builder().rocksDb(database.db).name("store");
    options.registryCustomizer().accept(builder);
    this.registry = builder.build();
    this.maintenance = new StoreMaintenance(database, registry, dictionary, latest);
  }

  static TripleStore open(Path directory, StoreOptions options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    StoreDatabase database = StoreDatabase.open(directory, options);
    try {
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
  public boolean add(Triple triple) {
    return add(List.of(triple)).applied() == 1;
  }

  @Override
  public ChangeResult add(Collection<Triple> triples) {
    return write(triples, true);
  }

  @Override
  public boolean remove(Triple triple) {
    return remove(List.of(triple)).applied() == 1;
  }

  @Override
  public ChangeResult remove(Collection<Triple> triples) {
    return write(triples, false);
  }

  private ChangeResult write(Collection<Triple> triples, boolean add) {
    List<Triple> checked = List.copyOf(triples);
    return guard.call(() -> {
      try (TripleWriter.StagedWrite write = writer.begin()) {
        for (Triple triple : checked) {
          if (add) {
            write.add(triple);
          } else {
            write.remove(triple);
          }
        }
        return write.commit(writeOptions);
      }
    });
  }

  @Override
  public boolean contains(Triple triple) {
    return count(TriplePattern.of(triple.subject(), triple.predicate(), triple.object())) > 0;
  }

  @Override
  public CloseableIterator<Triple> match(TriplePattern pattern, long limit) {
    return match(pattern, latest, limit);
  }

  @Override
  public CloseableIterator<Triple> match(TriplePattern pattern, SnapshotLease lease, long limit) {
    return match(pattern, readerAt(lease), limit);
  }

  private CloseableIterator<Triple> match(TriplePattern pattern, KeyReader reader, long limit) {
    Objects.requireNonNull(pattern, "pattern");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be 0 or more: " + limit);
    }
    MatchPlan plan = plan(pattern, reader);
    if (plan == null || limit == 0) {
      return EmptyIterator.INSTANCE.cast();
    }
    return new MatchIterator(reader, dictionary, database, plan, pattern, limit);
  }

  @Override
  public long count(TriplePattern pattern) {
    return count(pattern, latest);
  }

  @Override
  public long count(TriplePattern pattern, SnapshotLease lease) {
    return count(pattern, readerAt(lease));
  }

  private long count(TriplePattern pattern, KeyReader reader) {
    Objects.requireNonNull(pattern, "pattern");
    if (pattern.isUnbound()) {
      return dictionary.counter(reader, Dictionary.TRIPLE_COUNT_KEY);
    }
    MatchPlan plan = plan(pattern, reader);
    if (plan == null) {
      return 0;
    }
    long count = 0;
    try (KeyReader.KeyCursor cursor = reader.scan(database.index(plan.index()), plan.lower(), plan.upper())) {
      for (; cursor.isValid(); cursor.next()) {
        count++;
      }
    }
    return count;
  }

  /** The plan for {@code pattern}, or {@code null} when a bound term is unknown: no matches. */
  private MatchPlan plan(TriplePattern pattern, KeyReader reader) {
    long s = idOf(pattern.subject(), reader);
    long p = idOf(pattern.predicate(), reader);
    long o = idOf(pattern.object(), reader);
    if (s < 0 || p < 0 || o < 0) {
      return null;
    }
    return MatchPlan.of(s, p, o);
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
    // snapshot: refuse it. A released lease falls through: its first read throws, with the reason.
    // Released is asked again after the lookup: a release between the two (a force-release by an
    // operator) removes the lease from the registry, and must still read as released, not foreign.
    if (!lease.isReleased() && registry.find(lease.id()).orElse(null) != lease && !lease.isReleased()) {
      throw new IllegalArgumentException("lease " + lease.id() + " does not belong to the registry of the store at " + directory);
    }
    return new LeaseKeyReader(lease);
  }

  @Override
  public long size() {
    return count(TriplePattern.any());
  }

  @Override
  public ImportResult importNTriples(InputStream in, ImportOptions importOptions) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(importOptions, "options");
    int max = options.maxAtomicImportTriples();
    return guard.call(() -> {
      try (TripleWriter.StagedWrite write = writer.beginLarge()) {
        long skipped = ParsingPipeline.run(in, importOptions, triple -> {
          if (write.staged() >= max) {
            throw new ImportTooLargeException(max);
          }
          write.add(triple);
        });
        ChangeResult result = write.commit(writeOptions);
        importOptions.progress(result.applied() + result.noOps());
        return new ImportResult(result.applied(), result.noOps(), skipped, 1);
      }
    });
  }

  @Override
  public ImportResult bulkLoad(InputStream in, ImportOptions importOptions) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(importOptions, "options");
    return guard.call(() -> bulkLoader.load(in, importOptions));
  }

  @Override
  public long exportNTriples(OutputStream out) {
    return export(out, match(TriplePattern.any()));
  }

  @Override
  public long exportNTriples(OutputStream out, SnapshotLease lease) {
    return export(out, match(TriplePattern.any(), lease));
  }

  private static long export(OutputStream out, CloseableIterator<Triple> triples) {
    long written = 0;
    try (triples) {
      RDFWriter nTriples = new NTriplesOutput(out);
      nTriples.startRDF();
      while (triples.hasNext()) {
        nTriples.handleStatement(RdfValues.toStatement(triples.next()));
        written++;
      }
      nTriples.endRDF();
    }
    return written;
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
