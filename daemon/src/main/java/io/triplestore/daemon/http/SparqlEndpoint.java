package io.triplestore.daemon.http;

import io.triplestore.sparql.TripleStoreSail;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.rdf4j.common.lang.FileFormat;
import org.eclipse.rdf4j.query.BooleanQuery;
import org.eclipse.rdf4j.query.GraphQuery;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.Query;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.TupleQuery;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.query.resultio.BooleanQueryResultFormat;
import org.eclipse.rdf4j.query.resultio.QueryResultIO;
import org.eclipse.rdf4j.query.resultio.TupleQueryResultFormat;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * {@code /sparql}, the SPARQL 1.1 Protocol's query operation: {@code GET ?query=}, {@code POST}
 * of an {@code application/sparql-query} body or of a form. The result format is negotiated
 * before the query runs (406 naming the offers), and the result is streamed as it is evaluated.
 * The query runs on its own lease ({@link SparqlEngine#lease}), whose TTL is the query's timeout;
 * a release of that lease stops the query at its next read: 503 naming the lease and the reason
 * if nothing was sent yet, a cut transfer otherwise.
 *
 * <p>Concurrency: one instance serves every request thread; it holds nothing per request (each
 * request has its own connection and lease scope, both confined to its thread).
 */
final class SparqlEndpoint {

  private final SparqlEngine engine;

  SparqlEndpoint(SparqlEngine engine) {
    this.engine = engine;
  }

  void query(Request request, Response response, Callback callback) {
    SparqlRequest sparql = SparqlRequest.read(request, SparqlRequest.Kind.QUERY, engine.settings());
    SimpleDataset dataset = SparqlEngine.dataset(sparql.defaultGraphs(), sparql.namedGraphs(), "default-graph-uri",
        "named-graph-uri");
    String accept = request.getHeaders().get(HttpHeader.ACCEPT);
    try (TripleStoreSail.LeaseScope lease = engine.lease(request, "query", sparql);
        RepositoryConnection connection = engine.connection()) {
      Query query = prepare(connection, sparql.text());
      if (dataset != null) {
        query.setDataset(dataset);
      }
      run(request, response, callback, query, accept);
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      throw SparqlFailures.translate(e, "query", "nothing was sent", engine.stopping()).orElseThrow(() -> e);
    }
  }

  private static Query prepare(RepositoryConnection connection, String text) {
    try {
      return connection.prepareQuery(QueryLanguage.SPARQL, text);
    } catch (MalformedQueryException e) {
      throw SparqlFailures.malformed(e, "query", "nothing was run");
    }
  }

  private static void run(Request request, Response response, Callback callback, Query query, String accept) {
    if (query instanceof TupleQuery select) {
      FileFormat format = SparqlFormats.TUPLE.negotiate(accept, "SELECT results");
      ResultStream.send(request, response, callback, SparqlFormats.contentType(format),
          out -> select.evaluate(QueryResultIO.createTupleWriter((TupleQueryResultFormat) format, out)));
    } else if (query instanceof BooleanQuery ask) {
      FileFormat format = SparqlFormats.BOOLEAN.negotiate(accept, "ASK results");
      ResultStream.send(request, response, callback, SparqlFormats.contentType(format),
          out -> QueryResultIO.createBooleanWriter((BooleanQueryResultFormat) format, out).handleBoolean(ask.evaluate()));
    } else if (query instanceof GraphQuery construct) {
      FileFormat format = SparqlFormats.GRAPH.negotiate(accept, "CONSTRUCT and DESCRIBE results");
      ResultStream.send(request, response, callback, SparqlFormats.contentType(format),
          out -> construct.evaluate(Rio.createWriter((RDFFormat) format, out)));
    } else {
      throw ApiException.badRequest("not a SELECT, ASK, CONSTRUCT or DESCRIBE query: " + query.getClass().getSimpleName());
    }
  }
}
