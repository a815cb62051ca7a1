package io.triplestore.snapshots;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds leases whose owner has gone: a terminated owner thread (one check per owning thread) or a
 * collected owner object (whatever the GC has enqueued).
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class OwnerTracker {

  private final Map<Thread, OwnerGroup> groups = new HashMap<>();
  private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

  void ownByThread(Lease lease, Thread thread) {
    groups.computeIfAbsent(thread, OwnerGroup::new).add(lease);
  }

  void ownByObject(Lease lease, Object owner) {
    lease.ownerReference = new OwnerReference(owner, lease, collected);
  }

  void forget(Lease lease) {
    OwnerGroup group = lease.ownerGroup;
    if (group != null) {
      group.remove(lease);
      if (group.isEmpty()) {
        groups.remove(group.thread);
      }
    }
    OwnerReference reference = lease.ownerReference;
    if (reference != null) {
      // Cleared, it is never enqueued: a released lease is not reported again.
      reference.clear();
      lease.ownerReference = null;
    }
  }

  /**
   * Appends the live leases whose owner has gone since the last call. Each is reported once: a
   * dead thread's group is marked, a collected owner's reference is dropped.
   */
  void collectOrphans(List<Lease> orphans) {
    for (Iterator<OwnerGroup> it = groups.values().iterator(); it.hasNext(); ) {
      OwnerGroup group = it.next();
      if (!group.reported && !group.thread.isAlive()) {
        group.reported = true;
        for (Lease lease = group.first(); lease != null; lease = lease.ownerNext) {
          orphans.add(lease);
        }
      }
    }
    for (Reference<?> ref; (ref = collected.poll()) != null; ) {
      Lease lease = ((OwnerReference) ref).lease;
      if (lease.ownerReference == ref) {
        lease.ownerReference = null;
        orphans.add(lease);
      }
    }
  }
}
