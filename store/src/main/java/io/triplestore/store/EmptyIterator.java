package io.triplestore.store;

import java.util.NoSuchElementException;

/** The iterator of a pattern with a term the store has never seen: nothing to read, nothing to close. */
enum EmptyIterator implements CloseableIterator<Object> {
  INSTANCE;

  @SuppressWarnings("unchecked")
  <T> CloseableIterator<T> cast() {
    return (CloseableIterator<T>) (CloseableIterator<?>) this;
  }

  @Override
  public boolean hasNext() {
    return false;
  }

  @Override
  public Object next() {
    throw new NoSuchElementException();
  }

  @Override
  public void close() {}
}
