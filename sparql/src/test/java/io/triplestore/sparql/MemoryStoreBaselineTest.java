package io.triplestore.sparql;

import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.repository.dataset.DatasetRepository;
import org.eclipse.rdf4j.repository.sail.SailRepository;
import org.eclipse.rdf4j.sail.memory.MemoryStore;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11QueryComplianceTest;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11UpdateComplianceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The same W3C suites on RDF4J's own MemoryStore, set up as RDF4J sets it up for them: the
 * baseline our exclusions are measured against. Off by default (it doubles the suites' time); run
 * with {@code -Dsparql.baseline=true -Dtest=MemoryStoreBaselineTest*}.
 */
@EnabledIfSystemProperty(named = "sparql.baseline", matches = "true")
class MemoryStoreBaselineTest {

  private static Repository memoryStore() {
    return new DatasetRepository(new SailRepository(new MemoryStore()));
  }

  @Nested
  class Query extends SPARQL11QueryComplianceTest {
    @Override
    protected Repository newRepository() {
      return memoryStore();
    }
  }

  @Nested
  class Update extends SPARQL11UpdateComplianceTest {
    @Override
    protected Repository newRepository() {
      return memoryStore();
    }
  }
}
