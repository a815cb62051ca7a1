package io.triplestore.store;

import java.util.NoSuchElementException;

/**
 * Streams the triples of one plan from one {@link KeyReader}: index keys from a cursor, terms
 * from the dictionary through the same reader. Positions the pattern binds are taken from the
 * pattern, not looked up.
 */
final class MatchIterator implements CloseableIterator<Triple> {

  private final KeyReader.KeyCursor cursor;
  private final KeyReader reader;
  private final Dictionary dictionary;
  private final IndexOrder index;
  private final TriplePattern pattern;
  private long remaining;
  private boolean closed;

  MatchIterator(KeyReader reader, Dictionary dictionary, StoreDatabase database, MatchPlan plan,
      TriplePattern pattern, long limit) {
    this.reader = reader;
    this.dictionary = dictionary;
    this.index = plan.index();
    this.pattern = pattern;
    this.remaining = limit;
    this.cursor = reader.scan(database.index(plan.index()), plan.lower(), plan.upper());
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (remaining > 0 && cursor.isValid()) {
      return true;
    }
    close();
    return false;
  }

  @Override
  public Triple next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long[] ids = index.triple(cursor.key());
    cursor.next();
    remaining--;
    Term subject = pattern.subject() != null ? pattern.subject() : dictionary.term(reader, ids[0]);
    Term predicate = pattern.predicate() != null ? pattern.predicate() : dictionary.term(reader, ids[1]);
    Term object = pattern.object() != null ? pattern.object() : dictionary.term(reader, ids[2]);
    return new Triple(subject, (Iri) predicate, object);
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      cursor.close();
    }
  }
}
