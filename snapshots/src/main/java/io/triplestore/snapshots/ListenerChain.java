package io.triplestore.snapshots;

import java.time.Duration;
import java.util.Arrays;

/**
 * Calls every listener, isolating each: one that throws is logged and the others still run.
 *
 * <p>Concurrency: copy on write. The listeners are an array replaced whole under this object's
 * lock and read through one volatile field, so a call on the create or release path is a volatile
 * read and a loop over an array (no iterator, no lock).
 */
final class ListenerChain {

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");

  private volatile SnapshotListener[] listeners = new SnapshotListener[0];

  synchronized void add(SnapshotListener listener) {
    SnapshotListener[] now = Arrays.copyOf(listeners, listeners.length + 1);
    now[now.length - 1] = listener;
    listeners = now;
  }

  synchronized void remove(SnapshotListener listener) {
    SnapshotListener[] now = listeners;
    for (int i = 0; i < now.length; i++) {
      if (now[i].equals(listener)) {
        SnapshotListener[] fewer = new SnapshotListener[now.length - 1];
        System.arraycopy(now, 0, fewer, 0, i);
        System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
        listeners = fewer;
        return;
      }
    }
  }

  void created(SnapshotLease lease) {
    for (SnapshotListener listener : listeners) {
      try {
        listener.onCreated(lease);
      } catch (Throwable t) {
        failed(listener, "onCreated", lease, t);
      }
    }
  }

  void expiryWarning(SnapshotLease lease, Duration remaining) {
    for (SnapshotListener listener : listeners) {
      try {
        listener.onExpiryWarning(lease, remaining);
      } catch (Throwable t) {
        failed(listener, "onExpiryWarning", lease, t);
      }
    }
  }

  void released(SnapshotLease lease, ReleaseReason reason) {
    for (SnapshotListener listener : listeners) {
      try {
        listener.onReleased(lease, reason);
      } catch (Throwable t) {
        failed(listener, "onReleased", lease, t);
      }
    }
  }

  void releaseDue(SnapshotLease lease, ReleaseReason reason) {
    for (SnapshotListener listener : listeners) {
      try {
        listener.onReleaseDue(lease, reason);
      } catch (Throwable t) {
        failed(listener, "onReleaseDue", lease, t);
      }
    }
  }

  void registryClosed(SnapshotRegistry registry) {
    for (SnapshotListener listener : listeners) {
      try {
        listener.onRegistryClosed(registry);
      } catch (Throwable t) {
        LOG.log(System.Logger.Level.WARNING,
            "snapshot listener " + listener + " failed in onRegistryClosed of " + registry.name(), t);
      }
    }
  }

  private static void failed(SnapshotListener listener, String method, SnapshotLease lease, Throwable t) {
    LOG.log(System.Logger.Level.WARNING,
        "snapshot listener " + listener + " failed in " + method + " for lease " + lease.id(), t);
  }
}
