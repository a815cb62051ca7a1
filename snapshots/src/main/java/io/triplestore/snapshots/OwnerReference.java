package io.triplestore.snapshots;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/** A weak reference to a lease's owner object; enqueued once the owner is collected. */
final class OwnerReference extends WeakReference<Object> {

  final Lease lease;

  OwnerReference(Object owner, Lease lease, ReferenceQueue<Object> queue) {
    super(owner, queue);
    this.lease = lease;
  }
}
