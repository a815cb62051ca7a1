package io.triplestore.sparql;

import io.triplestore.store.StoreOptions;
import io.triplestore.store.TripleStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/** A store in a directory, the Sail over it and a repository on the Sail; closes all three. */
final class SailFixture implements AutoCloseable {

  final TripleStore store;
  final TripleStoreSail sail;
  final SailRepository repository;

  SailFixture(Path directory) {
    this(directory, DefaultGraph.UNNAMED);
  }

  SailFixture(Path directory, DefaultGraph defaultGraph) {
    store = TripleStore.open(directory, testOptions());
    sail = new TripleStoreSail(store, defaultGraph);
    repository = new SailRepository(sail);
    repository.init();
  }

  /** No fsync per commit and a small cache: tests open hundreds of stores. */
  static StoreOptions testOptions() {
    return StoreOptions.builder().syncWrites(false).blockCacheBytes(1 << 20).build();
  }

  void update(String sparql) {
    try (RepositoryConnection connection = repository.getConnection()) {
      connection.prepareUpdate(QueryLanguage.SPARQL, sparql).execute();
    }
  }

  /** The rows of a SELECT, each as the values of {@code variable} in N-Triples-ish text ("-" when unbound). */
  List<String> select(String sparql, String variable) {
    List<String> values = new ArrayList<>();
    try (RepositoryConnection connection = repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(sparql).evaluate()) {
      for (BindingSet row : result) {
        values.add(row.hasBinding(variable) ? row.getValue(variable).stringValue() : "-");
      }
    }
    return values;
  }

  @Override
  public void close() {
    try {
      repository.shutDown();
    } finally {
      store.close();
    }
  }
}
