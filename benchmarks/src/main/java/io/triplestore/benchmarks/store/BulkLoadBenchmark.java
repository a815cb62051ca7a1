package io.triplestore.benchmarks.store;

import io.triplestore.store.ImportOptions;
import io.triplestore.store.ImportResult;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
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

/**
 * Bulk load of one generated file into this store ({@code TripleStore.bulkLoad}: the SST path, and
 * the batched path it replaced) and into Jena TDB2 with its own loaders (the default, phased, and
 * the parallel one), in one run. {@code format}: {@code nq} (N-Quads, default and named graphs) or
 * {@code nt} (N-Triples, the default graph; the batched path reads only this). Each invocation
 * loads into an empty directory, including opening and closing the database. Quads per second =
 * triples / score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BulkLoadBenchmark {

  @Param("1000000")
  public int triples;

  @Param("nq")
  public String format;

  private Path file;
  private Path target;
  private long cpuAtStart;

  @Setup(Level.Trial)
  public void generate() {
    file = format.equals("nq") ? GeneratedData.nquadsFile(triples) : GeneratedData.file(triples);
  }

  @Setup(Level.Iteration)
  public void emptyTarget() throws IOException {
    target = GeneratedData.directory().resolve("bulk-load-target");
    GeneratedData.deleteRecursively(target);
    Files.createDirectories(target);
    cpuAtStart = processCpuNanos();
  }

  /**
   * Prints the CPU time the load took (every thread of the JVM, RocksDB's and TDB2's background
   * threads included): on a shared machine, a steadier figure than the wall-clock score.
   */
  @TearDown(Level.Iteration)
  public void removeTarget() {
    System.out.printf("%n[cpu] %.1f s of CPU for %,d triples%n", (processCpuNanos() - cpuAtStart) / 1e9, triples);
    GeneratedData.deleteRecursively(target);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  @Benchmark
  public long triplestoreBulkLoad() throws IOException {
    return triplestoreLoad(StoreOptions.defaults());
  }

  /** The batched path (commits every 100,000 triples, each flushed): N-Triples only. */
  @Benchmark
  public long triplestoreBatchedBulkLoad() throws IOException {
    return triplestoreLoad(StoreOptions.builder().sstBulkLoad(false).build());
  }

  private long triplestoreLoad(StoreOptions options) throws IOException {
    try (TripleStore store = TripleStore.open(target, options);
        InputStream in = Files.newInputStream(file)) {
      ImportResult result = store.bulkLoad(in, format.equals("nq") ? RDFFormat.NQUADS : RDFFormat.NTRIPLES,
          ImportOptions.strict());
      return requireAll(result.added());
    }
  }

  @Benchmark
  public long tdb2DefaultLoader() {
    DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(target.toString());
    try {
      return load(dataset, LoaderFactory.createLoader(dataset, (format, args) -> { }));
    } finally {
      TDBInternal.expel(dataset);
    }
  }

  @Benchmark
  public long tdb2ParallelLoader() {
    DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(target.toString());
    try {
      return load(dataset, LoaderFactory.parallelLoader(dataset, (format, args) -> { }));
    } finally {
      TDBInternal.expel(dataset);
    }
  }

  private long load(DatasetGraph dataset, DataLoader loader) {
    loader.startBulk();
    try {
      loader.load(file.toString());
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    }
    return requireAll(Txn.calculateRead(dataset, () -> Iter.count(dataset.find())));
  }

  /** A load that silently dropped triples would make the figure meaningless. */
  private long requireAll(long loaded) {
    if (loaded != triples) {
      throw new IllegalStateException("loaded " + loaded + " triples, expected " + triples);
    }
    return loaded;
  }
}
