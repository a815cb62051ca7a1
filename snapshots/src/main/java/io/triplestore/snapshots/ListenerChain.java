package io.triplestore.snapshots;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Calls every listener, isolating each: one that throws is logged and the others still run. */
final class ListenerChain {

  private static final System.Logger LOG = System.getLogger("io.triplestore.snapshots");

  private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();

  void add(SnapshotListener listener) {
    listeners.add(listener);
  }

  void remove(SnapshotListener listener) {
    listeners.remove(listener);
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
