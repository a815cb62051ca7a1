package io.triplestore.daemon.http;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.Iri;
import io.triplestore.store.Literal;
import io.triplestore.store.Term;
import java.util.Optional;

/**
 * The graph a {@code GET /triples} reads, in the manner of the SPARQL 1.1 Graph Store Protocol:
 * {@code ?default} (the default graph), {@code ?graph=IRI} (one named graph; the IRI bare, as the
 * protocol writes it, or as an N-Triples term like {@code s}, {@code p} and {@code o}: {@code
 * <http://...>}, or {@code _:label} for a graph named by a blank node), and our {@code ?all}
 * (every graph). At most one of them.
 */
final class GraphParameters {

  static final String DEFAULT = "default";
  static final String GRAPH = "graph";
  static final String ALL = "all";

  private GraphParameters() {}

  /** The graphs asked for; empty when none is named, and the reply's format decides. */
  static Optional<GraphSelector> of(QueryParameters query) {
    Optional<String> graph = query.text(GRAPH);
    boolean defaultGraph = flag(query, DEFAULT);
    boolean all = flag(query, ALL);
    if ((graph.isPresent() ? 1 : 0) + (defaultGraph ? 1 : 0) + (all ? 1 : 0) > 1) {
      throw ApiException.badRequest("query parameters 'default', 'graph' and 'all' exclude each other: give one");
    }
    if (defaultGraph) {
      return Optional.of(GraphSelector.DEFAULT);
    }
    if (all) {
      return Optional.of(GraphSelector.ALL);
    }
    return graph.map(GraphParameters::named);
  }

  /** A parameter without a value: {@code ?default}; {@code ?default=} is the same. */
  private static boolean flag(QueryParameters query, String name) {
    Optional<String> value = query.text(name);
    if (value.isPresent() && !value.get().isEmpty()) {
      throw ApiException.badRequest("query parameter '" + name + "' takes no value: write ?" + name + ", got '"
          + value.get() + "'");
    }
    return value.isPresent();
  }

  private static GraphSelector named(String value) {
    String text = value.strip();
    Term name;
    try {
      name = text.startsWith("<") || text.startsWith("_:") || text.startsWith("\"") ? Term.parse(text) : absolute(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter 'graph' is not a graph name: '" + value + "' (" + e.getMessage()
          + "); write an IRI, e.g. graph=http://example.org/g, or a blank node, graph=_:g1");
    }
    if (name instanceof Literal) {
      throw ApiException.badRequest("query parameter 'graph' is a literal: '" + value + "'; a graph is named by an"
          + " IRI or a blank node");
    }
    return GraphSelector.named(name);
  }

  private static Iri absolute(String iri) {
    if (!iri.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+")) {
      throw new IllegalArgumentException("not an absolute IRI");
    }
    return Iri.of(iri);
  }
}
