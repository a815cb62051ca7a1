package io.triplestore.sparql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.Dataset;
import org.eclipse.rdf4j.query.algebra.Filter;
import org.eclipse.rdf4j.query.algebra.TupleExpr;
import org.eclipse.rdf4j.query.algebra.Var;
import org.eclipse.rdf4j.query.algebra.evaluation.TripleSource;
import org.eclipse.rdf4j.query.algebra.evaluation.impl.EvaluationStatistics;
import org.eclipse.rdf4j.query.algebra.evaluation.optimizer.QueryJoinOptimizer;

/**
 * RDF4J's join optimizer, told what a filter's {@code EXISTS} / {@code NOT EXISTS} group is
 * evaluated with: one solution of the filtered pattern at a time, so every variable that pattern
 * binds is bound inside the group. RDF4J's own visitor orders such a group as if it stood alone:
 * for {@code ?l a :Lecturer FILTER NOT EXISTS { ?p :author ?l ; :year ?y }} it may start the group
 * with every publication's year, per lecturer, instead of the lookup of the lecturer's
 * publications (q04 of the 1M-triple benchmark: 79 s on RDF4J's NativeStore, 64 ms here). The
 * costs and everything else are RDF4J's; only the bound variables differ.
 *
 * <p>Concurrency: like RDF4J's optimizers, one {@link #optimize} call per query; the visitor it
 * makes is that call's own.
 */
final class StoreJoinOptimizer extends QueryJoinOptimizer {

  StoreJoinOptimizer(EvaluationStatistics statistics, boolean trackResultSize, TripleSource tripleSource) {
    super(statistics, trackResultSize, tripleSource);
  }

  @Override
  public void optimize(TupleExpr tupleExpr, Dataset dataset, BindingSet bindings) {
    tupleExpr.visit(new OuterBindingsJoinVisitor());
  }

  /** RDF4J's visitor, with the variables bound from outside a filter's subqueries counted as bound. */
  private final class OuterBindingsJoinVisitor extends JoinVisitor {

    /** Bound by the patterns that enclosing filters filter: bound in their conditions' subqueries. */
    private Set<String> outerBound = Set.of();

    @Override
    public void meet(Filter filter) {
      // The filtered pattern first, then the condition with the pattern's variables bound
      // (RDF4J's Filter visits its condition first, which would optimize it without them).
      filter.getArg().visit(this);
      Set<String> enclosing = outerBound;
      Set<String> bound = new HashSet<>(enclosing);
      bound.addAll(filter.getArg().getBindingNames());
      outerBound = bound;
      try {
        filter.getCondition().visit(this);
      } finally {
        outerBound = enclosing;
      }
    }

    @Override
    protected List<Var> getUnboundVars(List<Var> vars) {
      List<Var> unbound = super.getUnboundVars(vars);
      if (outerBound.isEmpty() || unbound.isEmpty()) {
        return unbound;
      }
      List<Var> stillUnbound = new ArrayList<>(unbound.size());
      for (Var var : unbound) {
        if (!outerBound.contains(var.getName())) {
          stillUnbound.add(var);
        }
      }
      return stillUnbound;
    }
  }
}
