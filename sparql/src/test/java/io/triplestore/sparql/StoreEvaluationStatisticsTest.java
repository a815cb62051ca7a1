package io.triplestore.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Quad;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.RDF4J;
import org.eclipse.rdf4j.query.algebra.StatementPattern;
import org.eclipse.rdf4j.query.algebra.StatementPattern.Scope;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.explanation.Explanation;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cardinalities come from the store's estimates, and the join optimizer orders by them. */
class StoreEvaluationStatisticsTest {

  private static final String EX = "http://example.org/";
  private static final Iri COMMON = Iri.of(EX + "common");
  private static final Iri RARE = Iri.of(EX + "rare");
  private static final Iri GRAPH = Iri.of(EX + "g");

  @TempDir Path directory;
  private SailFixture fixture;
  private StoreEvaluationStatistics statistics;

  @BeforeEach
  void open() {
    fixture = new SailFixture(directory);
    statistics = new StoreEvaluationStatistics(fixture.store);
    List<Quad> quads = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      quads.add(new Quad(Iri.of(EX + "s" + i), COMMON, Literal.of("c" + i), null));
    }
    for (int i = 0; i < 3; i++) {
      quads.add(new Quad(Iri.of(EX + "s" + i), RARE, Literal.of("r" + i), null));
      quads.add(new Quad(Iri.of(EX + "s" + i), COMMON, Literal.of("g" + i), GRAPH));
    }
    fixture.store.addQuads(quads);
  }

  @AfterEach
  void close() {
    fixture.close();
  }

  private static Var free(String name) {
    return new Var(name);
  }

  private static Var constant(Value value) {
    return new Var("_const_" + value.hashCode(), value, true, true);
  }

  private static Value iri(Iri iri) {
    return SimpleValueFactory.getInstance().createIRI(iri.value());
  }

  @Test
  void aPatternsCardinalityIsTheStoresEstimateOfItsQuadPattern() {
    StatementPattern common = new StatementPattern(free("s"), constant(iri(COMMON)), free("o"));
    StatementPattern rare = new StatementPattern(free("s"), constant(iri(RARE)), free("o"));
    assertThat(statistics.getCardinality(common)).isEqualTo(503);
    assertThat(statistics.getCardinality(rare)).isEqualTo(3);
  }

  @Test
  void theContextDecidesWhichGraphsAreCounted() {
    StatementPattern defaultGraph = new StatementPattern(Scope.DEFAULT_CONTEXTS,
        free("s"), constant(iri(COMMON)), free("o"), constant(RDF4J.NIL));
    StatementPattern named = new StatementPattern(Scope.NAMED_CONTEXTS,
        free("s"), constant(iri(COMMON)), free("o"), free("g"));
    StatementPattern oneGraph = new StatementPattern(Scope.NAMED_CONTEXTS,
        free("s"), constant(iri(COMMON)), free("o"), constant(iri(GRAPH)));
    assertThat(statistics.getCardinality(defaultGraph)).isEqualTo(500);
    assertThat(statistics.getCardinality(named)).isEqualTo(3);
    assertThat(statistics.getCardinality(oneGraph)).isEqualTo(3);
  }

  @Test
  void aPatternThatCanMatchNothingHasCardinalityZero() {
    StatementPattern literalPredicate = new StatementPattern(free("s"),
        constant(SimpleValueFactory.getInstance().createLiteral("p")), free("o"));
    StatementPattern literalSubject = new StatementPattern(
        constant(SimpleValueFactory.getInstance().createLiteral("s")), free("p"), free("o"));
    StatementPattern literalGraph = new StatementPattern(Scope.NAMED_CONTEXTS, free("s"), free("p"), free("o"),
        constant(SimpleValueFactory.getInstance().createLiteral("g")));
    assertThat(statistics.getCardinality(literalPredicate)).isZero();
    assertThat(statistics.getCardinality(literalSubject)).isZero();
    assertThat(statistics.getCardinality(literalGraph)).isZero();
  }

  @Test
  void theJoinStartsFromTheRarerPattern() {
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      String plan = connection.prepareTupleQuery("""
          PREFIX : <http://example.org/>
          SELECT * { ?s :common ?c . ?s :rare ?r }""").explain(Explanation.Level.Optimized).toString();
      assertThat(plan.indexOf(RARE.value())).isPositive().isLessThan(plan.indexOf(COMMON.value()));
    }
  }
}
