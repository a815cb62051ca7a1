package io.triplestore.daemon.http;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.Iri;
import io.triplestore.store.QuadPattern;
import io.triplestore.store.TripleStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.eclipse.rdf4j.rio.RDFParseException;
import org.eclipse.rdf4j.rio.RDFParser;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.helpers.AbstractRDFHandler;

/**
 * {@code /store}, the SPARQL 1.1 Graph Store HTTP Protocol with indirect graph identification:
 * {@code ?default} or {@code ?graph=IRI}. GET and HEAD read the graph (404 if a named graph has no
 * quads), PUT replaces it, POST adds to it, DELETE empties it (404 if it has none); bodies in any
 * RDF format by {@code Content-Type}, replies negotiated like CONSTRUCT results. A write is one
 * transaction of the Sail, committed as one atomic {@code store.change} (a PUT's clear and adds
 * together), holding at most {@code http.max-batch-triples} statements; a syntax error, a body too
 * large or any failure changes nothing.
 *
 * <p>Concurrency: one instance serves every request thread and holds nothing per request. The
 * existence check before a write (201 or 204) is not atomic with it: two concurrent PUTs creating
 * a graph may both answer 201; the data itself is each PUT whole, the later one last.
 */
final class GraphStoreEndpoint {

  private static final String NOTHING_CHANGED = "nothing was changed";

  private final TripleStore store;
  private final SparqlEngine engine;
  private final int maxStatements;

  GraphStoreEndpoint(TripleStore store, SparqlEngine engine, int maxStatements) {
    this.store = store;
    this.engine = engine;
    this.maxStatements = maxStatements;
  }

  /** The graph a request names: empty for the default graph. */
  private record Target(Optional<Iri> graph) {
    GraphSelector selector() {
      return graph.<GraphSelector>map(GraphSelector::named).orElse(GraphSelector.DEFAULT);
    }

    Resource context() {
      return graph.<Resource>map(iri -> SimpleValueFactory.getInstance().createIRI(iri.value())).orElse(null);
    }

    String describe() {
      return graph.map(iri -> "graph <" + iri.value() + ">").orElse("the default graph");
    }
  }

  void get(Request request, Response response, Callback callback, boolean head) {
    Target target = target(request);
    requireExists(target);
    RDFFormat format = (RDFFormat) SparqlFormats.GRAPH.negotiate(request.getHeaders().get(HttpHeader.ACCEPT),
        "graphs");
    if (head) {
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, SparqlFormats.contentType(format));
      response.write(true, null, callback);
      return;
    }
    ResultStream.send(request, response, callback, SparqlFormats.contentType(format),
        out -> store.export(out, format, target.selector()));
  }

  void put(Request request, Response response, Callback callback) {
    write(request, response, callback, true);
  }

  void post(Request request, Response response, Callback callback) {
    write(request, response, callback, false);
  }

  void delete(Request request, Response response, Callback callback) {
    Target target = target(request);
    requireExists(target);
    store.clear(target.selector());
    Responses.noContent(response, callback);
  }

  private void write(Request request, Response response, Callback callback, boolean replace) {
    Target target = target(request);
    RDFFormat format = bodyFormat(request);
    boolean existed = exists(target);
    List<Statement> statements = parse(Content.Source.asInputStream(request), format, target);
    try (RepositoryConnection connection = engine.connection()) {
      connection.begin();
      if (replace) {
        connection.clear(target.context() == null ? new Resource[] {null} : new Resource[] {target.context()});
      }
      connection.add(statements, target.context());
      connection.commit(); // closing the connection without it rolls back
    }
    // RFC 9110: a PUT or POST that creates the resource answers 201.
    response.setStatus(existed ? 204 : 201);
    response.write(true, null, callback);
  }

  private List<Statement> parse(InputStream body, RDFFormat format, Target target) {
    List<Statement> statements = new ArrayList<>();
    RDFParser parser = Rio.createParser(format);
    parser.setRDFHandler(new AbstractRDFHandler() {
      @Override
      public void handleStatement(Statement statement) {
        if (statements.size() == maxStatements) {
          throw new RDFHandlerException(new TooMany());
        }
        statements.add(statement);
      }
    });
    try {
      parser.parse(body, target.graph().map(Iri::value).orElse("urn:x-triplestore:default"));
    } catch (RDFParseException e) {
      throw ApiException.badRequest("the body is not valid " + format.getName() + ": " + e.getMessage() + "; "
          + NOTHING_CHANGED).with("line", e.getLineNumber()).with("column", e.getColumnNumber());
    } catch (RDFHandlerException e) {
      if (e.getCause() instanceof TooMany) {
        throw new ApiException(413, "payload_too_large", "more than " + maxStatements
            + " statements in one request (http.max-batch-triples); " + NOTHING_CHANGED).with("limit", maxStatements);
      }
      throw e;
    } catch (IOException e) {
      throw ApiException.bodyUnreadable(new java.io.UncheckedIOException(e));
    }
    return statements;
  }

  /** Marks the parse stopped at the statement limit. */
  private static final class TooMany extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooMany() {
      super(null, null, false, false);
    }
  }

  private static RDFFormat bodyFormat(Request request) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    Optional<RDFFormat> format = mediaType.isEmpty() ? Optional.empty() : Rio.getParserFormatForMIMEType(mediaType);
    return format.orElseThrow(() -> new ApiException(415, "unsupported_media_type", "the body needs the Content-Type"
        + " of an RDF format (text/turtle, application/n-triples, application/ld+json, application/rdf+xml,"
        + " application/n-quads, application/trig, ...), got " + (type == null ? "none" : "'" + type + "'")));
  }

  private boolean exists(Target target) {
    return target.graph().isEmpty() || store.count(QuadPattern.of(null, null, null, target.selector())) > 0;
  }

  private void requireExists(Target target) {
    if (!exists(target)) {
      throw ApiException.notFound("no " + target.describe() + " in the store (a named graph exists while it has quads)");
    }
  }

  /** {@code ?default} or {@code ?graph=IRI}, exactly one. */
  private static Target target(Request request) {
    QueryParameters query = QueryParameters.of(request, Set.of("default", "graph"));
    Optional<String> graph = query.text("graph");
    Optional<String> isDefault = query.text("default");
    if (isDefault.isPresent() == graph.isPresent()) {
      throw ApiException.badRequest("name one graph: ?default, or ?graph= and an absolute IRI");
    }
    if (isDefault.isPresent()) {
      if (!isDefault.get().isEmpty()) {
        throw ApiException.badRequest("?default takes no value, got '" + isDefault.get() + "'");
      }
      return new Target(Optional.empty());
    }
    return new Target(Optional.of(Iri.of(SparqlEngine.iri(graph.get(), "graph").stringValue())));
  }
}
