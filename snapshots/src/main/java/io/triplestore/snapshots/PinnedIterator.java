package io.triplestore.snapshots;

/**
 * A {@link LeaseIterator} whose every call pins its lease. Synchronized so that a release on
 * another thread can never close the native iterator while a call is inside it.
 */
final class PinnedIterator implements LeaseIterator {

  private final Lease lease;
  private final SnapshotReader.RawIterator raw;
  private boolean closed; // guarded by this

  PinnedIterator(Lease lease, SnapshotReader.RawIterator raw) {
    this.lease = lease;
    this.raw = raw;
  }

  private void enter() {
    if (closed) {
      ReleaseReason reason = lease.reasonOrNull();
      if (reason != null) {
        throw new SnapshotReleasedException(lease.id, reason);
      }
      throw new IllegalStateException("iterator of snapshot lease " + lease.id + " is closed");
    }
    lease.pinOrThrow();
  }

  @Override
  public synchronized void seekToFirst() {
    enter();
    try {
      raw.seekToFirst();
    } finally {
      lease.unpin();
    }
  }

  @Override
  public synchronized void seek(byte[] target) {
    enter();
    try {
      raw.seek(target);
    } finally {
      lease.unpin();
    }
  }

  @Override
  public synchronized boolean isValid() {
    enter();
    try {
      return raw.isValid();
    } finally {
      lease.unpin();
    }
  }

  @Override
  public synchronized void next() {
    enter();
    try {
      raw.next();
    } finally {
      lease.unpin();
    }
  }

  @Override
  public synchronized byte[] key() {
    enter();
    try {
      return raw.key();
    } finally {
      lease.unpin();
    }
  }

  @Override
  public synchronized byte[] value() {
    enter();
    try {
      return raw.value();
    } finally {
      lease.unpin();
    }
  }

  @Override
  public void close() {
    if (closeRaw()) {
      lease.forgetIterator(this);
    }
  }

  /** Called by the release once reads have drained. */
  void closeForRelease() {
    closeRaw();
  }

  private synchronized boolean closeRaw() {
    if (closed) {
      return false;
    }
    closed = true;
    raw.close();
    return true;
  }
}
