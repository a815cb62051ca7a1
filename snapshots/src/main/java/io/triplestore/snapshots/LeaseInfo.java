package io.triplestore.snapshots;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A point-in-time description of one lease, for operators and listeners.
 *
 * @param id the lease id, unique within its registry
 * @param ownerLabel who holds it: the given label, else the owner thread's name or owner's class
 * @param description what the holder does with it (e.g. a query's text), empty when not given
 * @param ownerThread the name of the thread that created it
 * @param createdAt when it was created
 * @param age how long it has existed
 * @param ttl its current time-to-live (from creation or the last renewal)
 * @param remaining time until its deadline; negative once overdue (report-only registries)
 * @param warned whether the expiry warning has been emitted for the current deadline
 * @param expired whether its deadline passed while the registry only reports (it is still held)
 * @param ownerDown whether its owner went away while the registry only reports
 * @param creationStack the stack that created it, empty when not captured
 */
public record LeaseInfo(
    long id,
    String ownerLabel,
    String description,
    String ownerThread,
    Instant createdAt,
    Duration age,
    Duration ttl,
    Duration remaining,
    boolean warned,
    boolean expired,
    boolean ownerDown,
    List<StackTraceElement> creationStack) {

  public LeaseInfo {
    creationStack = List.copyOf(creationStack);
  }

  /** Whether a creation stack was captured. */
  public boolean hasCreationStack() {
    return !creationStack.isEmpty();
  }
}
