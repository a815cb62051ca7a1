package io.triplestore.snapshots;

/** What the registry does when a lease's deadline passes, or its owner goes away. */
public enum ExpiryAction {
  /** Release the snapshot (reason {@code EXPIRED} or {@code OWNER_DOWN}). The default. */
  RELEASE,
  /**
   * Only report it: the lease is flagged and listeners are told, but it stays live until its
   * holder releases it. For snapshots the registry observes but does not own (the agent), where
   * releasing under the holder's feet would be a native use-after-free.
   */
  REPORT
}
