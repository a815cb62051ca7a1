package io.triplestore.daemon.http;

import io.triplestore.sparql.QueryLease;
import io.triplestore.sparql.TripleStoreSail;
import io.triplestore.store.TripleStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Request;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.query.impl.SimpleDataset;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sail.SailRepository;

/**
 * RDF4J's SPARQL engine over the store, as the HTTP endpoints use it: one {@link TripleStoreSail}
 * in a repository for the life of the server, and the lease every request runs on, labelled
 * {@value #LEASE_LABEL} and described with the request's id, client and the start of its text.
 *
 * <p>Concurrency: thread-safe. Each request takes its own connection; the lease scope is the
 * calling thread's ({@link TripleStoreSail#setQueryLease}); ids come from an atomic counter.
 */
final class SparqlEngine implements AutoCloseable {

  /** The owner label of every SPARQL lease: {@code forceReleaseOwner("sparql")} stops them all. */
  static final String LEASE_LABEL = "sparql";
  /** How much of a query's text the lease shows operators. */
  static final int DESCRIBED_CHARS = 1024;

  private final TripleStoreSail sail;
  private final SailRepository repository;
  private final SparqlSettings settings;
  private final AtomicLong ids = new AtomicLong();
  private final TripleStore store;
  private volatile boolean stopping;

  SparqlEngine(TripleStore store, SparqlSettings settings) {
    this.store = store;
    this.sail = new TripleStoreSail(store);
    this.repository = new SailRepository(sail);
    this.settings = settings;
    repository.init();
  }

  SparqlSettings settings() {
    return settings;
  }

  RepositoryConnection connection() {
    return repository.getConnection();
  }

  /**
   * Opens the request's lease scope: the datasets this thread opens until it closes are the
   * request's. With {@code snapshot=}, they read at that lease, which stays its holder's.
   */
  TripleStoreSail.LeaseScope lease(Request request, String kind, SparqlRequest sparql) {
    if (sparql.snapshot().isPresent()) {
      // 404 unknown, 410 released (with the reason), as every read at a lease of the API answers.
      return sail.setQueryLease(QueryLease.at(SnapshotsEndpoint.lease(store.registry(), sparql.snapshot().get())));
    }
    String description = kind + " " + ids.incrementAndGet() + " from " + Request.getRemoteAddr(request) + ":"
        + Request.getRemotePort(request) + ": " + excerpt(sparql.text());
    return sail.setQueryLease(new QueryLease(LEASE_LABEL, description, sparql.timeout()));
  }

  /** The text on one line (operators read it in a table), cut at {@value #DESCRIBED_CHARS} characters. */
  static String excerpt(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    if (line.length() <= DESCRIBED_CHARS) {
      return line;
    }
    int end = Character.isHighSurrogate(line.charAt(DESCRIBED_CHARS - 1)) ? DESCRIBED_CHARS - 1 : DESCRIBED_CHARS;
    return line.substring(0, end) + "…";
  }

  /**
   * The dataset the request names, or {@code null} for the query's own (its FROM, or the store's
   * default graph).
   *
   * @throws ApiException 400 for a graph that is not an absolute IRI
   */
  static SimpleDataset dataset(List<String> defaultGraphs, List<String> namedGraphs, String defaultParameter,
      String namedParameter) {
    if (defaultGraphs.isEmpty() && namedGraphs.isEmpty()) {
      return null;
    }
    SimpleDataset dataset = new SimpleDataset();
    defaultGraphs.forEach(graph -> dataset.addDefaultGraph(iri(graph, defaultParameter)));
    namedGraphs.forEach(graph -> dataset.addNamedGraph(iri(graph, namedParameter)));
    return dataset;
  }

  /** {@code text} as an IRI, if absolute; a 400 naming {@code parameter} otherwise. */
  static IRI iri(String text, String parameter) {
    try {
      java.net.URI uri = new java.net.URI(text);
      if (uri.isAbsolute()) {
        return SimpleValueFactory.getInstance().createIRI(text);
      }
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      // the message below says what is expected
    }
    throw ApiException.badRequest("parameter '" + parameter + "' must be an absolute IRI, got '" + text + "'");
  }

  /**
   * Stops every running query and update at once, for a shutdown: their leases are released
   * (reason {@code FORCED}), so each fails at its next read and answers 503 saying the daemon is
   * stopping, instead of holding the graceful stop for its whole timeout and then being cut.
   */
  void stopRequests() {
    stopping = true;
    store.registry().forceReleaseOwner(LEASE_LABEL);
  }

  /** Whether {@link #stopRequests} ran: a released lease then means the daemon is stopping. */
  boolean stopping() {
    return stopping;
  }

  /** Shuts the Sail down; the store stays open (it is the daemon's). */
  @Override
  public void close() {
    repository.shutDown();
  }
}
