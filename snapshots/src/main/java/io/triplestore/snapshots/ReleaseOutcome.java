package io.triplestore.snapshots;

/** What a release request did. None of the outcomes is an error: releasing twice is harmless. */
public enum ReleaseOutcome {
  /** This call released the lease. */
  RELEASED,
  /** The lease had already been released; nothing was done. */
  ALREADY_RELEASED,
  /** No lease with that id was ever issued by this registry; nothing was done. */
  UNKNOWN
}
