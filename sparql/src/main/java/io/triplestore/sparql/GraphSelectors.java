package io.triplestore.sparql;

import io.triplestore.store.GraphSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.vocabulary.RDF4J;
import org.eclipse.rdf4j.model.vocabulary.SESAME;

/**
 * RDF4J's {@code contexts...} argument as the store's graph selectors: none = every graph, a
 * {@code null} context = the default graph, a resource = that named graph. RDF4J's {@code
 * rdf4j:nil} (and the older {@code sesame:nil}) name the default graph where a {@code null} cannot
 * be written, as in a constant context of a query; they are read as the default graph here too.
 */
final class GraphSelectors {

  private GraphSelectors() {}

  /** One selector per distinct context, in order; contexts the store cannot name are dropped. */
  static List<GraphSelector> of(Resource... contexts) {
    if (contexts == null || contexts.length == 0) {
      return List.of(GraphSelector.ALL);
    }
    Set<GraphSelector> selectors = new LinkedHashSet<>();
    for (Resource context : contexts) {
      if (context == null || RDF4J.NIL.equals(context) || SESAME.NIL.equals(context)) {
        selectors.add(GraphSelector.DEFAULT);
      } else if (Values.storable(context)) {
        selectors.add(GraphSelector.named(Values.toTerm(context)));
      }
    }
    return new ArrayList<>(selectors);
  }
}
