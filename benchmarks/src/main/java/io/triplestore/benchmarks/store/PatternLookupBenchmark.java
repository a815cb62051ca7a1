package io.triplestore.benchmarks.store;

import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.store.CloseableIterator;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.Iri;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.Triple;
import io.triplestore.store.TripleStore;
import io.triplestore.store.TriplePattern;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Pattern lookups on the same generated data in this store and in Jena TDB2: subject bound (8
 * matches), predicate and object bound ({@code knows} an entity, about 2 matches) and object bound
 * (an entity, about 3 matches). Every match is consumed. A TDB2 lookup runs in its own read
 * transaction, as a server request would; a store lookup reads the latest data without a lease,
 * and each {@code AtLease} variant reads the same pattern at a lease held for the iteration, so
 * the two are compared in the same run.
 *
 * <p>Both databases are built once per size under {@code -Dbench.dir} and reused by later forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PatternLookupBenchmark {

  private static final int SAMPLES = 4096;

  @Param("1000000")
  public int triples;

  private TripleStore store;
  private DatasetGraph tdb2;
  private SnapshotLease lease;
  private final Iri knows = Iri.of(GeneratedData.KNOWS);
  private final Node knowsNode = NodeFactory.createURI(GeneratedData.KNOWS);
  private Iri[] entities;
  private Node[] entityNodes;
  private int next;

  @Setup(Level.Trial)
  public void open() throws IOException {
    Path root = GeneratedData.directory().resolve("lookup-" + triples);
    Path ready = root.resolve("ready");
    if (!Files.exists(ready)) {
      GeneratedData.deleteRecursively(root);
      build(root);
      Files.writeString(ready, "built\n");
    }
    store = TripleStore.open(root.resolve("triplestore"), StoreOptions.defaults());
    tdb2 = DatabaseMgr.connectDatasetGraph(root.resolve("tdb2").toString());
    SplittableRandom random = new SplittableRandom(7);
    entities = new Iri[SAMPLES];
    entityNodes = new Node[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      String iri = GeneratedData.entity(random.nextInt(GeneratedData.entities(triples)));
      entities[i] = Iri.of(iri);
      entityNodes[i] = NodeFactory.createURI(iri);
    }
  }

  private void build(Path root) throws IOException {
    Path file = GeneratedData.file(triples);
    try (TripleStore loading = TripleStore.open(root.resolve("triplestore"), StoreOptions.defaults());
        InputStream in = Files.newInputStream(file)) {
      loading.bulkLoad(in, ImportOptions.strict());
      loading.compact();
    }
    DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(root.resolve("tdb2").toString());
    try {
      DataLoader loader = LoaderFactory.createLoader(dataset, (format, args) -> { });
      loader.startBulk();
      loader.load(file.toString());
      loader.finishBulk();
    } finally {
      TDBInternal.expel(dataset);
    }
  }

  @Setup(Level.Iteration)
  public void takeLease() {
    lease = store.registry().create(Duration.ofHours(1));
  }

  @TearDown(Level.Iteration)
  public void releaseLease() {
    lease.close();
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    TDBInternal.expel(tdb2);
  }

  private int sample() {
    next = (next + 1) & (SAMPLES - 1);
    return next;
  }

  @Benchmark
  public void triplestoreSubject(Blackhole sink) {
    consume(store.match(TriplePattern.of(entities[sample()], null, null)), sink);
  }

  @Benchmark
  public void triplestoreSubjectAtLease(Blackhole sink) {
    consume(store.match(TriplePattern.of(entities[sample()], null, null), lease), sink);
  }

  @Benchmark
  public void triplestorePredicateObject(Blackhole sink) {
    consume(store.match(TriplePattern.of(null, knows, entities[sample()])), sink);
  }

  @Benchmark
  public void triplestorePredicateObjectAtLease(Blackhole sink) {
    consume(store.match(TriplePattern.of(null, knows, entities[sample()]), lease), sink);
  }

  @Benchmark
  public void triplestoreObject(Blackhole sink) {
    consume(store.match(TriplePattern.of(null, null, entities[sample()])), sink);
  }

  @Benchmark
  public void triplestoreObjectAtLease(Blackhole sink) {
    consume(store.match(TriplePattern.of(null, null, entities[sample()]), lease), sink);
  }

  @Benchmark
  public void tdb2Subject(Blackhole sink) {
    Node subject = entityNodes[sample()];
    find(sink, subject, Node.ANY, Node.ANY);
  }

  @Benchmark
  public void tdb2PredicateObject(Blackhole sink) {
    Node object = entityNodes[sample()];
    find(sink, Node.ANY, knowsNode, object);
  }

  @Benchmark
  public void tdb2Object(Blackhole sink) {
    Node object = entityNodes[sample()];
    find(sink, Node.ANY, Node.ANY, object);
  }

  private void find(Blackhole sink, Node s, Node p, Node o) {
    Txn.executeRead(tdb2, () -> {
      Graph graph = tdb2.getDefaultGraph();
      ExtendedIterator<org.apache.jena.graph.Triple> matches = graph.find(s, p, o);
      try {
        while (matches.hasNext()) {
          sink.consume(matches.next());
        }
      } finally {
        matches.close();
      }
    });
  }

  private static void consume(CloseableIterator<Triple> matches, Blackhole sink) {
    try (matches) {
      while (matches.hasNext()) {
        sink.consume(matches.next());
      }
    }
  }
}
