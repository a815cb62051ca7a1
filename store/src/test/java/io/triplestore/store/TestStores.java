package io.triplestore.store;

import io.triplestore.snapshots.Scheduler;
import java.nio.file.Path;

/** Stores for tests: registry maintenance runs only on cleanUp(), time moves only by hand. */
final class TestStores {

  private TestStores() {}

  static TripleStore open(Path directory, FakeTicker ticker) {
    return TripleStore.open(directory, options(ticker).build());
  }

  static StoreOptions.Builder options(FakeTicker ticker) {
    return StoreOptions.builder()
        .syncWrites(false)
        .registry(registry -> registry.ticker(ticker).scheduler(Scheduler.manual()));
  }

  static Iri iri(String local) {
    return Iri.of("http://example.org/" + local);
  }

  static Triple triple(String s, String p, String o) {
    return Triple.of(iri(s), iri(p), iri(o));
  }
}
