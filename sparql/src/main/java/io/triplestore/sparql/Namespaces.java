package io.triplestore.sparql;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;

/**
 * The Sail's namespace prefixes. The store has no table for them, so they live in memory for the
 * life of the Sail (lost on restart); readers take a copy, so a dataset's prefixes stay as they
 * were when it was opened.
 *
 * <p>Concurrency: thread-safe; every method is synchronized on this object, and {@link #copy()}
 * returns an unshared map.
 */
final class Namespaces {

  private final Map<String, String> prefixes = new TreeMap<>();

  synchronized Map<String, String> copy() {
    return new TreeMap<>(prefixes);
  }

  synchronized void set(String prefix, String name) {
    prefixes.put(prefix, name);
  }

  synchronized void remove(String prefix) {
    prefixes.remove(prefix);
  }

  synchronized void clear() {
    prefixes.clear();
  }

  static Namespace namespace(Map.Entry<String, String> entry) {
    return new SimpleNamespace(entry.getKey(), entry.getValue());
  }
}
