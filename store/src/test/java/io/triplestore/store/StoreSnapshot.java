package io.triplestore.store;

import java.util.Set;
import java.util.stream.Collectors;

/** Everything observable about a store's content, to assert that an operation changed nothing. */
record StoreSnapshot(Set<Triple> triples, long size, long distinctTerms) {

  static StoreSnapshot of(TripleStore store) {
    try (CloseableIterator<Triple> all = store.match(TriplePattern.any())) {
      Set<Triple> triples = all.stream().collect(Collectors.toSet());
      return new StoreSnapshot(triples, store.size(), store.stats().distinctTerms());
    }
  }
}
