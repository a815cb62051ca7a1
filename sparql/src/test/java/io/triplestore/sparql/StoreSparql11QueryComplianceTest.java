package io.triplestore.sparql;

import java.io.File;
import org.eclipse.rdf4j.repository.Repository;
import org.eclipse.rdf4j.testsuite.query.parser.sparql.manifest.SPARQL11QueryComplianceTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * The W3C SPARQL 1.1 query tests (RDF4J's packaging, 5.1.0), each on a fresh store. RDF4J's base
 * class already skips the {@code service} directory (SERVICE needs remote endpoints) and three
 * tests it deems wrong under RDF 1.1 or a known RDF4J issue ("STRDT() TypeErrors", "STRLANG()
 * TypeErrors", "sq03 - Subquery within graph pattern, graph variable is not bound").
 *
 * <p>Exclusions of our own: none. Every test RDF4J's MemoryStore passes here, this Sail passes
 * (see {@code MemoryStoreBaselineTest} for the comparison run).
 */
class StoreSparql11QueryComplianceTest extends SPARQL11QueryComplianceTest {

  @TempDir File root;

  @Override
  protected Repository newRepository() throws Exception {
    return StoreRepository.fresh(root.toPath());
  }
}
