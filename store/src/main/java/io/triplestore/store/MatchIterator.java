package io.triplestore.store;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams the quads of a pattern's plans (one, or two for every graph), one plan after the other,
 * from one {@link KeyReader}: index keys from a cursor, terms from the dictionary through the same
 * reader. Positions the pattern binds are taken from the pattern, not looked up.
 */
final class MatchIterator implements CloseableIterator<Quad> {

  private final KeyReader reader;
  private final Dictionary dictionary;
  private final StoreDatabase database;
  private final List<MatchPlan> plans;
  private final QuadPattern pattern;
  private final Term boundGraph;
  private int nextPlan;
  private IndexOrder index;
  private KeyReader.KeyCursor cursor;
  private long remaining;
  private boolean closed;

  MatchIterator(KeyReader reader, Dictionary dictionary, StoreDatabase database, List<MatchPlan> plans,
      QuadPattern pattern, long limit) {
    this.reader = reader;
    this.dictionary = dictionary;
    this.database = database;
    this.plans = plans;
    this.pattern = pattern;
    this.boundGraph = pattern.graphs() instanceof GraphSelector.Named named ? named.name() : null;
    this.remaining = limit;
    openNextPlan();
  }

  private void openNextPlan() {
    MatchPlan plan = plans.get(nextPlan++);
    index = plan.index();
    cursor = reader.cursor(database.index(index), plan);
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    while (remaining > 0) {
      if (cursor.isValid()) {
        return true;
      }
      if (nextPlan == plans.size()) {
        break;
      }
      cursor.close();
      openNextPlan();
    }
    close();
    return false;
  }

  @Override
  public Quad next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long[] ids = index.quad(cursor.key());
    cursor.next();
    remaining--;
    Term subject = pattern.subject() != null ? pattern.subject() : dictionary.term(reader, ids[0]);
    Term predicate = pattern.predicate() != null ? pattern.predicate() : dictionary.term(reader, ids[1]);
    Term object = pattern.object() != null ? pattern.object() : dictionary.term(reader, ids[2]);
    Term graph = !index.named() ? null : boundGraph != null ? boundGraph : dictionary.term(reader, ids[3]);
    return new Quad(subject, (Iri) predicate, object, graph);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cursor.close();
    }
  }
}
