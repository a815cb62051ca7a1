package io.triplestore.sparql;

import io.triplestore.store.GraphSelector;
import io.triplestore.store.Quad;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;

/**
 * One transaction's changes on their way to the store: RDF4J's {@code SailSourceBranch} replays
 * the transaction's changeset here (clears, then removes, then adds, in the order they were made)
 * and calls {@link #flush()} at commit, which applies everything as one atomic {@code
 * store.change(clears, removes, adds)} through the {@link StoreWriter}.
 *
 * <p>The order of calls matters and is kept: a clear drops the adds made before it in the cleared
 * graphs, and a remove cancels an earlier add; since the store applies removes before adds, an
 * add made after a clear or a remove wins.
 *
 * <p>Concurrency: one transaction's, used by one thread at a time; not thread-safe.
 */
final class StoreSink implements org.eclipse.rdf4j.sail.base.SailSink {

  private final StoreWriter writer;
  private final Set<Quad> removes = new LinkedHashSet<>();
  private final Set<Quad> adds = new LinkedHashSet<>();
  private final List<GraphSelector> clears = new ArrayList<>();
  private final List<Consumer<Namespaces>> namespaceChanges = new ArrayList<>();

  StoreSink(StoreWriter writer) {
    this.writer = writer;
  }

  @Override
  public void prepare() {
    // Nothing to check ahead of the commit: the store takes any batch of valid quads.
  }

  @Override
  public void flush() {
    writer.apply(new StoreWriter.Batch(List.copyOf(clears), List.copyOf(removes), List.copyOf(adds)),
        namespaceChanges);
    clears.clear();
    removes.clear();
    adds.clear();
    namespaceChanges.clear();
  }

  @Override
  public void setNamespace(String prefix, String name) {
    namespaceChanges.add(namespaces -> namespaces.set(prefix, name));
  }

  @Override
  public void removeNamespace(String prefix) {
    namespaceChanges.add(namespaces -> namespaces.remove(prefix));
  }

  @Override
  public void clearNamespaces() {
    namespaceChanges.add(Namespaces::clear);
  }

  @Override
  public void clear(Resource... contexts) {
    for (GraphSelector graphs : GraphSelectors.of(contexts)) {
      clears.add(graphs);
      adds.removeIf(quad -> graphs.selects(quad.graph()));
    }
  }

  /**
   * Called only at {@code SERIALIZABLE} isolation, to record what a transaction read so that a
   * conflicting commit can be refused. This Sail does not offer {@code SERIALIZABLE} (see {@link
   * TripleStoreSail}), so there is nothing to observe.
   */
  @Override
  public void observe(Resource subj, IRI pred, Value obj, Resource... contexts) {}

  @Override
  public void approve(Resource subj, IRI pred, Value obj, Resource ctx) {
    adds.add(Values.toQuad(subj, pred, obj, ctx));
  }

  @Override
  public void deprecate(Statement statement) {
    Quad quad = Values.toQuad(statement.getSubject(), statement.getPredicate(), statement.getObject(),
        statement.getContext());
    adds.remove(quad);
    removes.add(quad);
  }

  @Override
  public void close() {
    clears.clear();
    removes.clear();
    adds.clear();
    namespaceChanges.clear();
  }
}
