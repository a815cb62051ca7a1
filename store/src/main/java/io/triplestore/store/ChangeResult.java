package io.triplestore.store;

/**
 * The outcome of a batch of adds or removes.
 *
 * @param applied triples actually added (or removed)
 * @param noOps triples that were already present (for an add) or absent (for a remove), including
 *     repeats within the batch
 */
public record ChangeResult(long applied, long noOps) {

  public static final ChangeResult NONE = new ChangeResult(0, 0);

  /** Both results together. */
  public ChangeResult plus(ChangeResult other) {
    return new ChangeResult(applied + other.applied, noOps + other.noOps);
  }
}
