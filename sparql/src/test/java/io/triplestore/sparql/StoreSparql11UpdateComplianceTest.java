package io.triplestore.sparql;

import java.io.File;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11UpdateComplianceTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C SPARQL 1.1 update tests (RDF4J's packaging, 5.1.0), each on a fresh store.
 *
 * <p>Exclusions of our own: none.
 */
class StoreSparql11UpdateComplianceTest extends SPARQL11UpdateComplianceTest {

  @TempDir File root;

  @Override
  protected Repository newRepository() throws Exception {
    return StoreRepository.fresh(root.toPath());
  }
}
