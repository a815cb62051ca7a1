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

  /**
   * Inside {@code NOT EXISTS}, the outer {@code ?l} is bound: the group must start with the lookup
   * of {@code ?l}'s publications, not with every year (the rarer pattern when nothing is bound),
   * which RDF4J's own join optimizer chooses, once per lecturer.
   */
  @Test
  void aFiltersExistsGroupIsOrderedWithTheOuterVariablesBound() {
    Iri author = Iri.of(EX + "author");
    Iri year = Iri.of(EX + "year");
    Iri lecturer = Iri.of(EX + "Lecturer");
    List<Quad> quads = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      quads.add(new Quad(Iri.of(EX + "pub" + i), author, Iri.of(EX + "l" + (i % 40)), null));
    }
    for (int i = 0; i < 100; i++) {
      quads.add(new Quad(Iri.of(EX + "pub" + i), year, Literal.typed(Integer.toString(2000 + i % 25),
          Iri.of("http://www.w3.org/2001/XMLSchema#integer")), null));
    }
    for (int i = 0; i < 50; i++) {
      quads.add(new Quad(Iri.of(EX + "l" + i), Iri.of("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), lecturer, null));
    }
    fixture.store.addQuads(quads);
    String query = """
        PREFIX : <http://example.org/>
        SELECT ?l { ?l a :Lecturer FILTER NOT EXISTS { ?p :author ?l ; :year ?y FILTER (?y >= 2020) } }""";
    try (RepositoryConnection connection = fixture.repository.getConnection()) {
      String plan = connection.prepareTupleQuery(query).explain(Explanation.Level.Optimized).toString();
      assertThat(plan.indexOf(author.value())).describedAs(plan)
          .isPositive().isLessThan(plan.indexOf(year.value()));
      // pub0..99 have years; years >= 2020 are i % 25 >= 20, i.e. pub20..24, 45..49, 70..74, 95..99,
      // whose authors are l20..24, l5..9, l30..34, l15..19: 20 lecturers excluded, 30 left.
      long answers = connection.prepareTupleQuery(query).evaluate().stream().count();
      assertThat(answers).isEqualTo(30);
    }
  }
}
