package io.triplestore.benchmarks.sparql;

import io.triplestore.benchmarks.store.GeneratedData;
import io.triplestore.sparql.TripleStoreSail;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.sail.lmdb.LmdbStore;
import org.eclipse.rdf4j.sail.lmdb.config.LmdbStoreConfig;
import org.eclipse.rdf4j.sail.nativerdf.NativeStore;

/**
 * Opens each store in a directory of its own, loading the N-Triples file with the store's own bulk
 * path the first time. A database loaded to the end is marked ({@code <name>.loaded} beside it)
 * and reused by later runs, so that a 1M-triple run does not reload four stores each time; a
 * half-loaded one (a crash, a budget) has no mark and is loaded again from scratch.
 */
final class EngineLoader {

  /**
   * The three index orders this store keeps (spog, posg, ospg); RDF4J's stores get the same, so
   * that no store lacks an index for a bound object.
   */
  private static final String RDF4J_INDEXES = "spoc,posc,ospc";

  static final List<String> NAMES = List.of("triplestore", "native", "lmdb", "tdb2");

  private final Path directory;
  private final Path data;
  private final Duration timeout;

  /** Stores go under {@code directory}, one subdirectory per store; queries stop after {@code timeout}. */
  EngineLoader(Path directory, Path data, Duration timeout) {
    this.directory = directory;
    this.data = data;
    this.timeout = timeout;
  }

  /** The engine called {@code name} (one of {@link #NAMES}), loaded. */
  QueryEngine open(String name) {
    Path home = directory.resolve(name);
    Path mark = directory.resolve(name + ".loaded");
    boolean loaded = Files.exists(mark);
    if (!loaded) {
      GeneratedData.deleteRecursively(home);
    }
    createDirectories(home);
    long start = System.nanoTime();
    QueryEngine engine = switch (name) {
      case "triplestore" -> triplestore(home, loaded);
      case "native" -> rdf4j(name, new SailRepository(new NativeStore(home.toFile(), RDF4J_INDEXES)), loaded);
      case "lmdb" -> rdf4j(name, new SailRepository(new LmdbStore(home.toFile(), new LmdbStoreConfig(RDF4J_INDEXES))), loaded);
      case "tdb2" -> tdb2(home, loaded);
      default -> throw new IllegalArgumentException("no store " + name + "; stores: " + NAMES);
    };
    if (!loaded) {
      System.out.printf("[load] %-11s %6.1f s (wall, machine shared)%n", name, (System.nanoTime() - start) / 1e9);
      createFile(mark);
    }
    return engine;
  }

  private QueryEngine triplestore(Path home, boolean loaded) {
    // -Dsparql.blockCacheMiB: the store's block cache (RocksDB's, uncompressed blocks); RDF4J's
    // stores and TDB2 read memory-mapped files through the OS page cache, which has no such bound.
    StoreOptions.Builder options = StoreOptions.builder();
    Long blockCacheMiB = Long.getLong("sparql.blockCacheMiB");
    if (blockCacheMiB != null) {
      options.blockCacheBytes(blockCacheMiB << 20);
    }
    TripleStore store = TripleStore.open(home, options.build());
    if (!loaded) {
      try (InputStream in = Files.newInputStream(data)) {
        store.bulkLoad(in, ImportOptions.strict());
      } catch (IOException e) {
        store.close();
        throw new UncheckedIOException(e);
      }
    }
    return new Rdf4jEngine("triplestore", new SailRepository(new TripleStoreSail(store)), store, timeout);
  }

  /** RDF4J's stores load through a connection in one transaction, at NONE: their fastest path. */
  private QueryEngine rdf4j(String name, Repository repository, boolean loaded) {
    repository.init();
    if (!loaded) {
      try (RepositoryConnection connection = repository.getConnection()) {
        connection.begin(IsolationLevels.NONE);
        connection.add(data.toFile(), RDFFormat.NTRIPLES);
        connection.commit();
      } catch (IOException e) {
        repository.shutDown();
        throw new UncheckedIOException(e);
      }
    }
    return new Rdf4jEngine(name, repository, () -> { }, timeout);
  }

  private QueryEngine tdb2(Path home, boolean loaded) {
    DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(home.toString());
    if (!loaded) {
      DataLoader loader = LoaderFactory.createLoader(dataset, (format, args) -> { });
      loader.startBulk();
      try {
        loader.load(data.toString());
        loader.finishBulk();
      } catch (RuntimeException e) {
        loader.finishException(e);
        throw e;
      }
    }
    return new JenaTdb2Engine(dataset, timeout);
  }

  private static void createDirectories(Path path) {
    try {
      Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void createFile(Path path) {
    try {
      Files.createFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
