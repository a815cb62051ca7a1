package io.triplestore.snapshots;

/** Why a lease was released. */
public enum ReleaseReason {
  /** The holder released it ({@code close()}, {@code release(id)}, or the end of {@code withSnapshot}). */
  MANUAL,
  /** Its time-to-live ran out. */
  EXPIRED,
  /** Its owner thread terminated, or its owner object was garbage-collected. */
  OWNER_DOWN,
  /** An operator released it (JMX, HTTP, or a force-release call). */
  FORCED,
  /** The registry was closed while the lease was live. */
  CLOSED
}
