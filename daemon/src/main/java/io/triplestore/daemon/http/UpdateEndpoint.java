package io.triplestore.daemon.http;

import io.triplestore.sparql.TripleStoreSail;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.rdf4j.query.MalformedQueryException;
import org.eclipse.rdf4j.query.QueryLanguage;
import org.eclipse.rdf4j.query.Update;
import org.eclipse.rdf4j.query.UpdateExecutionException;
import org.eclipse.rdf4j.query.algebra.Load;
import org.eclipse.rdf4j.query.algebra.UpdateExpr;
import org.eclipse.rdf4j.query.parser.ParsedUpdate;
import org.eclipse.rdf4j.repository.sail.SailUpdate;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.repository.RepositoryConnection;

/**
 * {@code /update}, the SPARQL 1.1 Protocol's update operation: {@code POST} of an {@code
 * application/sparql-update} body or of a form with {@code update=}. Atomic: the whole request
 * (every operation of it) is one transaction, which the Sail commits as one {@code store.change}
 * under its commit lock, so updates are serialized with one another; a failure anywhere (syntax,
 * evaluation, a released lease) rolls all of it back. Answers 204.
 *
 * <p>Concurrency: one instance serves every request thread and holds nothing per request; two
 * updates run their {@code WHERE} parts in parallel and commit one after the other.
 */
final class UpdateEndpoint {

  private static final String NOTHING_CHANGED = "nothing was changed";

  private final SparqlEngine engine;

  UpdateEndpoint(SparqlEngine engine) {
    this.engine = engine;
  }

  void update(Request request, Response response, Callback callback) {
    SparqlRequest sparql = SparqlRequest.read(request, SparqlRequest.Kind.UPDATE, engine.settings());
    SimpleDataset dataset = SparqlEngine.dataset(sparql.defaultGraphs(), sparql.namedGraphs(), "using-graph-uri",
        "using-named-graph-uri");
    try (TripleStoreSail.LeaseScope lease = engine.lease(request, "update", sparql);
        RepositoryConnection connection = engine.connection()) {
      Update update = prepare(connection, sparql.text());
      if (dataset != null) {
        update.setDataset(dataset);
      }
      connection.begin();
      update.execute();
      connection.commit(); // closing the connection without it rolls the transaction back
    } catch (ApiException e) {
      throw e;
    } catch (RuntimeException e) {
      ApiException failure = SparqlFailures.translate(e, "update", NOTHING_CHANGED, engine.stopping()).orElse(null);
      if (failure != null) {
        throw failure;
      }
      if (e instanceof UpdateExecutionException) {
        // What the update asked cannot be done (e.g. LOAD, or a write to inferred statements).
        throw ApiException.badRequest("the update failed: " + e.getMessage() + "; " + NOTHING_CHANGED);
      }
      throw e;
    }
    Responses.noContent(response, callback);
  }

  private static Update prepare(RepositoryConnection connection, String text) {
    Update update;
    try {
      update = connection.prepareUpdate(QueryLanguage.SPARQL, text);
    } catch (MalformedQueryException e) {
      throw SparqlFailures.malformed(e, "update", NOTHING_CHANGED);
    }
    refuseLoad(((SailUpdate) update).getParsedUpdate());
    return update;
  }

  /**
   * {@code LOAD <url>} would make the daemon fetch any URL a client names, {@code file:} ones
   * included: a way to read the daemon's files and reach hosts behind it. Data comes in through
   * {@code /store} and {@code /triples} instead.
   */
  private static void refuseLoad(ParsedUpdate parsed) {
    for (UpdateExpr expression : parsed.getUpdateExprs()) {
      if (expression instanceof Load) {
        throw ApiException.badRequest("LOAD is not allowed: the daemon fetches no URLs; send the data to /store"
            + " or /triples instead; " + NOTHING_CHANGED);
      }
    }
  }
}
