package io.triplestore.store;

/**
 * What an import (or a remove of RDF input) did.
 *
 * @param added quads that were new; for a remove, quads that were removed
 * @param noOps quads that were already in the store, or repeated in the input; for a remove,
 *     quads that were not there
 * @param skippedLines malformed lines left out ("skip bad lines" mode only)
 * @param batches committed write batches: 1 for an atomic import, one per batch for a bulk load
 */
public record ImportResult(long added, long noOps, long skippedLines, long batches) {

  /** Triples read from the input: added plus no-ops. */
  public long triplesRead() {
    return added + noOps;
  }
}
