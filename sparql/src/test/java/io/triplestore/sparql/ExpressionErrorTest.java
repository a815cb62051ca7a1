package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expression error leaves the variable unbound (SPARQL 1.1, 18.5 and 10.1), and a FILTER on
 * an error drops the row: never a failed query, even when the optimizer folds constant operands.
 */
class ExpressionErrorTest {

  @TempDir Path directory;
  private SailFixture fixture;

  @BeforeEach
  void open() {
    fixture = new SailFixture(directory);
    fixture.update("INSERT DATA { <http://example.org/a> <http://example.org/p> 1 }");
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  @Test
  void divisionByZeroInTheProjectionLeavesTheVariableUnbound() {
    assertThat(fixture.select("SELECT (1/0 AS ?x) {}", "x")).containsExactly("-");
  }

  @Test
  void divisionByZeroInBindLeavesTheVariableUnbound() {
    assertThat(fixture.select("SELECT ?x { ?s ?p ?o BIND(1/0 AS ?x) }", "x")).containsExactly("-");
  }

  @Test
  void anErrorInAFilterDropsTheRow() {
    assertThat(fixture.select("SELECT ?o { ?s ?p ?o FILTER(1/0 = 1) }", "o")).isEmpty();
    assertThat(fixture.select("SELECT ?o { ?s ?p ?o FILTER(!(1/0 = 1)) }", "o")).isEmpty();
    // An error is false in || only when the other side is not true.
    assertThat(fixture.select("SELECT ?o { ?s ?p ?o FILTER(1/0 = 1 || true) }", "o")).containsExactly("1");
  }

  @Test
  void comparingADateWithADateTimeFromValuesIsAnErrorNotAFailure() {
    String query = """
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?d (?d < ?t AS ?lt) {
          VALUES (?d ?t) { ("2024-01-01"^^xsd:date "2024-01-01T00:00:00"^^xsd:dateTime) }
        }""";
    assertThat(fixture.select(query, "d")).containsExactly("2024-01-01");
    assertThat(fixture.select(query, "lt")).containsExactly("-");
  }

  @Test
  void aFilterComparingADateWithADateTimeDropsTheRow() {
    assertThat(fixture.select("""
        PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
        SELECT ?d {
          VALUES (?d ?t) { ("2024-01-01"^^xsd:date "2024-01-01T00:00:00"^^xsd:dateTime) }
          FILTER(?d < ?t)
        }""", "d")).isEmpty();
  }
}
