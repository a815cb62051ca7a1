package io.triplestore.agent;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Database snapshots taken within the grace period, not yet handed to the registry: what the
 * host's {@code getSnapshot} writes and its {@code releaseSnapshot} looks up, so it must cost a few
 * nanoseconds. A fixed table of buckets of {@value #BUCKET} slots, filled by compare-and-set: an
 * add takes a free slot of its handle's bucket, a removal clears its own slot, a lookup reads the
 * bucket's slots (one or two cache lines) and compares handles, with no boxing and no allocation.
 * A bucket that is full (more young snapshots in one bucket than it holds) spills into a
 * concurrent map, which lookups consult only while it holds something.
 *
 * <p>Concurrency: every slot changes by compare-and-set only, from null to a snapshot (its add)
 * or from that snapshot back to null (its removal), so concurrent adds never share a slot and a
 * removal never clears another snapshot's. A lookup concurrent with an add or removal of the same
 * snapshot may miss it; the tracker never needs that: a snapshot is added before the host's
 * {@code getSnapshot} returns it, and removed only after its tracking has ended or it is in the
 * handed-off index.
 */
final class YoungSnapshots {

  static final int BUCKET = 8;
  private static final int BUCKETS = 1024;
  /** The hash bits that pick a bucket: BUCKETS is a power of two. */
  private static final int BUCKET_BITS = Integer.numberOfTrailingZeros(BUCKETS);

  /** Slots read and set through {@link #SLOT}: an exactly typed array handle, no casts on the host's thread. */
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(TrackedSnapshot[].class);

  private final TrackedSnapshot[] slots = new TrackedSnapshot[BUCKETS * BUCKET];
  private final ConcurrentHashMap<Long, TrackedSnapshot> spilled = new ConcurrentHashMap<>();
  private final AtomicInteger spilledCount = new AtomicInteger();

  /** The first slot of {@code handle}'s bucket: native addresses are aligned, so the low bits say nothing. */
  private static int bucketOf(long handle) {
    long mixed = handle * 0x9E3779B97F4A7C15L;
    return (int) (mixed >>> (64 - BUCKET_BITS)) * BUCKET;
  }

  /**
   * Adds {@code tracked}.
   *
   * @return a spilled snapshot that had this handle before (its end went unseen), or null
   */
  TrackedSnapshot add(TrackedSnapshot tracked) {
    int first = bucketOf(tracked.handle);
    for (int i = first; i < first + BUCKET; i++) {
      if (SLOT.getVolatile(slots, i) == null && SLOT.compareAndSet(slots, i, null, tracked)) {
        return null;
      }
    }
    spilledCount.incrementAndGet();
    TrackedSnapshot before = spilled.put(tracked.handle, tracked);
    if (before != null) {
      spilledCount.decrementAndGet();
    }
    return before;
  }

  /** The young snapshot with native handle {@code handle} that {@code wrapper} holds, or null. */
  TrackedSnapshot find(long handle, Object wrapper) {
    int first = bucketOf(handle);
    for (int i = first; i < first + BUCKET; i++) {
      TrackedSnapshot tracked = (TrackedSnapshot) SLOT.getVolatile(slots, i);
      if (tracked != null && tracked.handle == handle && tracked.isHeldThrough(wrapper)) {
        return tracked;
      }
    }
    if (spilledCount.get() == 0) {
      return null;
    }
    TrackedSnapshot tracked = spilled.get(handle);
    return tracked != null && tracked.isHeldThrough(wrapper) ? tracked : null;
  }

  /** Removes {@code tracked}; idempotent. */
  void remove(TrackedSnapshot tracked) {
    int first = bucketOf(tracked.handle);
    for (int i = first; i < first + BUCKET; i++) {
      if (SLOT.getVolatile(slots, i) == tracked && SLOT.compareAndSet(slots, i, tracked, null)) {
        return;
      }
    }
    if (spilledCount.get() != 0 && spilled.remove(tracked.handle, tracked)) {
      spilledCount.decrementAndGet();
    }
  }

  /** Calls {@code action} with every young snapshot present when the walk passes it. */
  void forEach(Consumer<TrackedSnapshot> action) {
    for (int i = 0; i < slots.length; i++) {
      TrackedSnapshot tracked = (TrackedSnapshot) SLOT.getVolatile(slots, i);
      if (tracked != null) {
        action.accept(tracked);
      }
    }
    spilled.values().forEach(action);
  }

  /** The young snapshots of {@code database} now. */
  List<TrackedSnapshot> of(TrackedDatabase database) {
    List<TrackedSnapshot> found = new ArrayList<>();
    forEach(tracked -> {
      if (tracked.database == database) {
        found.add(tracked);
      }
    });
    return found;
  }

  /** How many young snapshots there are now. */
  int size() {
    int[] count = {0};
    forEach(tracked -> count[0]++);
    return count[0];
  }
}
