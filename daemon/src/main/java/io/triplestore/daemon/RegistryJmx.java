package io.triplestore.daemon;

import io.triplestore.daemon.jmx.MBeanRegistrations;
import io.triplestore.snapshots.SnapshotRegistry;

/** Registers the snapshot registry's own MXBean (from the registry module). */
final class RegistryJmx {

  private RegistryJmx() {}

  static void register(SnapshotRegistry registry, MBeanRegistrations mbeans) {
    // Wired once the registry's MXBean is available; see the report.
  }
}
