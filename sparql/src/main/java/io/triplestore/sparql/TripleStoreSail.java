package io.triplestore.sparql;

import io.triplestore.store.TripleStore;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.rdf4j.common.transaction.IsolationLevels;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.sail.NotifyingSailConnection;
import org.eclipse.rdf4j.sail.base.SailStore;
import org.eclipse.rdf4j.sail.helpers.AbstractNotifyingSail;

/**
 * An RDF4J Sail over a {@link TripleStore}: RDF4J's SPARQL 1.1 engine on the store, queried
 * through a {@code SailRepository}. Built the way RDF4J's Native and LMDB stores are: a {@link
 * SailStore} ({@link StoreSailStore}) whose source RDF4J forks into a {@code SailSourceBranch} per
 * transaction and per read, keeping a transaction's changes in memory until commit.
 *
 * <p>Unlike those stores, there is no {@code SnapshotSailStore} in between. Its one shared
 * auto-flush branch (there for isolation {@code NONE}) keeps the first dataset read at {@code
 * SNAPSHOT} isolation until the store closes, and hands it to every later {@code SNAPSHOT}
 * transaction: harmless where a dataset is a view of the current state, but here a dataset is a
 * lease, which would pin one RocksDB snapshot for ever and serve its stale data. Without it, each
 * transaction's branch holds its own lease, released at commit or rollback; the price is no
 * isolation level {@code NONE}, which RDF4J then raises to {@code READ_COMMITTED}.
 *
 * <ul>
 *   <li>Every query reads at one lease of the store's registry (owner label {@code sparql}), taken
 *       when the query starts and released when its result is closed; a query whose lease is
 *       released early (by an operator, its TTL, or the store's close) fails naming the lease.
 *   <li>A transaction commits as one atomic {@code store.change(clears, removes, adds)}, serialized
 *       with every other writer of the store.
 *   <li>Without {@code FROM}/{@code USING}/{@code WITH}, the default graph is the store's unnamed
 *       graph ({@link DefaultGraph#UNNAMED}, the default) or, if asked, RDF4J's union of all graphs.
 *   <li>Isolation: {@code READ_COMMITTED}, {@code SNAPSHOT_READ} (the default: each query sees one
 *       consistent state) and {@code SNAPSHOT} (a transaction reads at one lease throughout). Not
 *       {@code SERIALIZABLE}: commits are not checked for conflicts with what a transaction read.
 * </ul>
 *
 * <p>The Sail does not own the store: shutting it down leaves the store open. Namespace prefixes
 * are kept in memory only.
 *
 * <p>Concurrency: thread-safe, as RDF4J Sails are; connections are for one thread at a time.
 * Commits through this Sail are serialized among themselves.
 */
public final class TripleStoreSail extends AbstractNotifyingSail {

  private final TripleStore store;
  private final DefaultGraph defaultGraph;
  private final Namespaces namespaces = new Namespaces();
  private final LeaseSettings leases = new LeaseSettings();
  private volatile SailStore sailStore;

  /** A Sail whose queries' default graph is the store's unnamed graph. */
  public TripleStoreSail(TripleStore store) {
    this(store, DefaultGraph.UNNAMED);
  }

  public TripleStoreSail(TripleStore store, DefaultGraph defaultGraph) {
    this.store = Objects.requireNonNull(store, "store");
    this.defaultGraph = Objects.requireNonNull(defaultGraph, "defaultGraph");
    setSupportedIsolationLevels(IsolationLevels.READ_COMMITTED, IsolationLevels.SNAPSHOT_READ,
        IsolationLevels.SNAPSHOT);
    setDefaultIsolationLevel(IsolationLevels.SNAPSHOT_READ);
  }

  /** The store this Sail reads and writes. */
  public TripleStore store() {
    return store;
  }

  public DefaultGraph defaultGraph() {
    return defaultGraph;
  }

  /**
   * The TTL of the leases queries read at; {@code null} (the default) for the registry's default
   * TTL. A query (or a {@code SNAPSHOT} transaction) running longer fails.
   */
  public void setQueryLeaseTtl(Duration ttl) {
    leases.ttl(ttl);
  }

  /**
   * Labels, describes and times the leases of the datasets the calling thread opens until the
   * returned scope is closed: the daemon wraps each request's query or update (evaluation and
   * result streaming both) in one, so that its lease shows the query's id, client and text and
   * lives as long as the query's timeout. A thread, not a connection, because RDF4J opens datasets
   * lazily from many connection methods and always on the thread that calls them.
   *
   * @throws IllegalStateException if the thread already has a scope open
   */
  public LeaseScope setQueryLease(QueryLease lease) {
    return leases.use(lease);
  }

  /** Ends a {@link #setQueryLease} scope; datasets opened afterwards get the Sail's defaults. */
  @FunctionalInterface
  public interface LeaseScope extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  protected void initializeInternal() {
    sailStore = new StoreSailStore(store, namespaces, leases);
  }

  @Override
  protected void shutDownInternal() {
    SailStore toClose = sailStore;
    if (toClose != null) {
      toClose.close();
    }
  }

  @Override
  protected NotifyingSailConnection getConnectionInternal() {
    return new StoreSailConnection(this, sailStore,
        new StoreEvaluationStrategyFactory(null, defaultGraph), defaultGraph);
  }

  @Override
  public boolean isWritable() {
    return true;
  }

  @Override
  public ValueFactory getValueFactory() {
    return Values.FACTORY;
  }
}
