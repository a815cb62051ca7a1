package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Quad;
import io.triplestore.store.Triple;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every query and update reads at a lease of the store's registry, and gives it back. */
class QueryLeaseTest {

  private static final int ROWS = 2_000;
  private static final Iri VALUE = Iri.of("http://example.org/value");
  private static final String ALL_VALUES = "SELECT ?v { ?s <http://example.org/value> ?v }";

  @TempDir Path directory;
  private SailFixture fixture;

  @BeforeEach
  void open() {
    fixture = new SailFixture(directory);
    List<Triple> triples = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      triples.add(triple(i));
    }
    fixture.store.add(triples);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Triple triple(int i) {
    return new Triple(Iri.of("http://example.org/s" + i), VALUE, Literal.of("v" + i));
  }

  @Test
  void aRunningQueryHoldsOneLeaseLabelledSparql() {
    try (RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      List<LeaseInfo> leases = fixture.store.registry().info(10);
      assertThat(leases).singleElement().extracting(LeaseInfo::ownerLabel).isEqualTo("sparql");
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void queryLeasesTakeTheConfiguredTtl() {
    fixture.sail.setQueryLeaseTtl(Duration.ofSeconds(42));
    try (RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      assertThat(fixture.store.registry().info(1).get(0).ttl()).isEqualTo(Duration.ofSeconds(42));
    }
    assertThatThrownBy(() -> fixture.sail.setQueryLeaseTtl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
  }

  @Test
  void aQueryLeaseScopeLabelsDescribesAndTimesTheThreadsDatasets() {
    QueryLease request = new QueryLease("sparql", "query 7 from 127.0.0.1:5000: " + ALL_VALUES, Duration.ofSeconds(9));
    try (TripleStoreSail.LeaseScope scope = fixture.sail.setQueryLease(request);
        RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      LeaseInfo lease = fixture.store.registry().info(1).get(0);
      assertThat(lease.ownerLabel()).isEqualTo("sparql");
      assertThat(lease.description()).isEqualTo(request.description());
      assertThat(lease.ttl()).isEqualTo(Duration.ofSeconds(9));
      assertThatThrownBy(() -> fixture.sail.setQueryLease(request)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already has a query lease");
    }
    // After the scope: the Sail's defaults again.
    try (RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      assertThat(fixture.store.registry().info(1).get(0).description()).isEmpty();
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void everyLeaseIsReleasedAfterQueriesAndUpdates() {
    fixture.select(ALL_VALUES, "v");
    fixture.update("INSERT DATA { <http://example.org/x> <http://example.org/value> \"x\" }");
    fixture.update("DELETE WHERE { ?s <http://example.org/value> \"x\" }");
    fixture.update("CLEAR GRAPH <http://example.org/none>");
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.prepareBooleanQuery("ASK { ?s ?p ?o }").evaluate();
      connection.getContextIDs().close();
      connection.size();
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aFailedQueryReleasesItsLease() {
    // No SERVICE resolver is configured: the query fails during evaluation, after taking its lease.
    assertThatThrownBy(() -> fixture.select("SELECT ?v { ?s ?p ?v SERVICE <http://127.0.0.1:9/x> { ?v ?p ?o } }", "v"))
        .isNotNull();
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aQueryDoesNotSeeAWriteCommittedWhileItIterates() {
    int seen = 0;
    try (RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      seen++;
      // Committed through the Sail by another connection, and straight to the store.
      fixture.update("INSERT DATA { <http://example.org/late> <http://example.org/value> \"late\" }");
      fixture.store.add(triple(ROWS + 1));
      while (result.hasNext()) {
        assertThat(result.next().getValue("v").stringValue()).isNotIn("late", "v" + (ROWS + 1));
        seen++;
      }
    }
    assertThat(seen).isEqualTo(ROWS);
    assertThat(fixture.select(ALL_VALUES, "v")).hasSize(ROWS + 2);
  }

  @Test
  void aForceReleasedLeaseFailsTheQueryNamingLeaseAndReason() {
    try (RepositoryConnection connection = fixture.repository.getConnection();
        TupleQueryResult result = connection.prepareTupleQuery(ALL_VALUES).evaluate()) {
      result.next();
      long leaseId = fixture.store.registry().info(1).get(0).id();
      fixture.store.registry().forceRelease(leaseId);
      assertThatThrownBy(() -> {
        while (result.hasNext()) {
          result.next();
        }
      }).hasMessageContaining("SPARQL read aborted: snapshot lease " + leaseId
          + " has been released (reason FORCED) (lease owner 'sparql')");
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aSnapshotTransactionReadsAtOneLeaseThroughout() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin(IsolationLevels.SNAPSHOT);
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS);
      fixture.store.add(triple(ROWS + 1));
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS);
      assertThat(fixture.store.registry().count()).isEqualTo(1);
      connection.commit();
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aLaterSnapshotTransactionReadsAtANewLease() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin(IsolationLevels.SNAPSHOT);
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS);
      connection.commit();
      fixture.store.add(triple(ROWS + 1));
      connection.begin(IsolationLevels.SNAPSHOT);
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS + 1);
      connection.rollback();
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void snapshotReadSeesEachCommitAtTheNextQuery() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin(IsolationLevels.SNAPSHOT_READ);
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS);
      fixture.store.add(triple(ROWS + 1));
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS + 1);
      connection.commit();
    }
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aTransactionSeesItsOwnUncommittedWritesAndOthersDoNot() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin();
      connection.prepareUpdate("INSERT DATA { <http://example.org/mine> <http://example.org/value> \"mine\" }")
          .execute();
      assertThat(connection.prepareTupleQuery(ALL_VALUES).evaluate().stream().count()).isEqualTo(ROWS + 1);
      assertThat(fixture.select(ALL_VALUES, "v")).hasSize(ROWS);
      assertThat(fixture.store.contains(Quad.inDefaultGraph(
          new Triple(Iri.of("http://example.org/mine"), VALUE, Literal.of("mine"))))).isFalse();
      connection.commit();
    }
    assertThat(fixture.select(ALL_VALUES, "v")).hasSize(ROWS + 1);
  }

  @Test
  void isolationNoneIsRaisedToASupportedLevel() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin(IsolationLevels.NONE);
      connection.prepareUpdate("INSERT DATA { <http://example.org/n> <http://example.org/value> \"n\" }").execute();
      connection.commit();
    }
    assertThat(fixture.select(ALL_VALUES, "v")).hasSize(ROWS + 1);
    assertThat(fixture.store.registry().count()).isZero();
  }

  @Test
  void aRolledBackTransactionLeavesTheStoreAsItWas() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      connection.begin();
      connection.prepareUpdate("DELETE WHERE { ?s <http://example.org/value> ?v }").execute();
      connection.rollback();
    }
    assertThat(fixture.store.size()).isEqualTo(ROWS);
  }
}
