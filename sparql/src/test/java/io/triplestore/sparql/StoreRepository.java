package io.triplestore.sparql;

import io.triplestore.store.TripleStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.dataset.DatasetRepository;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * A repository on a fresh store of its own, for the compliance suites: shutting it down closes
 * the store, and fails if any lease is still held then (a query or update that leaked its lease).
 */
final class StoreRepository extends SailRepository {

  private final TripleStore store;

  private StoreRepository(TripleStore store) {
    super(new TripleStoreSail(store));
    this.store = store;
  }

  /**
   * A new store in a new directory under {@code root}, wrapped as RDF4J's own stores are in their
   * suites: a {@link DatasetRepository} loads a query's {@code FROM} graphs that are not stored.
   */
  static Repository fresh(Path root) throws java.io.IOException {
    Path directory = Files.createDirectories(root.resolve(UUID.randomUUID().toString()));
    return new DatasetRepository(new StoreRepository(TripleStore.open(directory, SailFixture.testOptions())));
  }

  @Override
  protected void shutDownInternal() {
    try {
      super.shutDownInternal();
      int held = store.registry().count();
      if (held != 0) {
        throw new IllegalStateException(held + " lease(s) still held at shutdown: " + store.registry().info(10));
      }
    } finally {
      store.close();
    }
  }
}
