package io.triplestore.snapshots;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Point-in-time figures of a registry.
 *
 * @param count live leases
 * @param oldestAge age of the oldest live lease, zero when there is none
 * @param totalCreated leases created since the registry started
 * @param releasedByReason leases released since the start, per reason (every reason present)
 * @param warningsEmitted expiry warnings emitted
 * @param releasesDue report-only registries: expiries and owner deaths reported but not released
 * @param nativeSnapshotCount the database's own {@code rocksdb.num-snapshots}, when known
 */
public record RegistryStatistics(
    int count,
    Duration oldestAge,
    long totalCreated,
    Map<ReleaseReason, Long> releasedByReason,
    long warningsEmitted,
    long releasesDue,
    OptionalLong nativeSnapshotCount) {

  public RegistryStatistics {
    EnumMap<ReleaseReason, Long> copy = new EnumMap<>(ReleaseReason.class);
    for (ReleaseReason reason : ReleaseReason.values()) {
      copy.put(reason, releasedByReason.getOrDefault(reason, 0L));
    }
    releasedByReason = java.util.Collections.unmodifiableMap(copy);
  }

  /** Leases released since the start, all reasons together. */
  public long totalReleased() {
    return releasedByReason.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Released with {@code reason} since the start. */
  public long released(ReleaseReason reason) {
    return releasedByReason.get(reason);
  }

  /** The database's snapshots that the registry does not know about; 0 when unknown. */
  public long untrackedSnapshotCount() {
    return nativeSnapshotCount.isPresent() ? Math.max(0, nativeSnapshotCount.getAsLong() - count) : 0;
  }
}
