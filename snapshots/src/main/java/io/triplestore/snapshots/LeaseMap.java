package io.triplestore.snapshots;

/**
 * Leases by id: open addressing with linear probing and backward-shift deletion, so there is no
 * boxing and no node per entry (a million live leases are the design point).
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class LeaseMap {

  private static final int MIN_CAPACITY = 16;

  private long[] ids = new long[MIN_CAPACITY];
  private Lease[] leases = new Lease[MIN_CAPACITY];
  private int size;

  int size() {
    return size;
  }

  private static int hash(long id) {
    long mixed = id * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }

  Lease get(long id) {
    int mask = ids.length - 1;
    for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
      if (leases[i] == null) {
        return null;
      }
      if (ids[i] == id) {
        return leases[i];
      }
    }
  }

  void put(Lease lease) {
    if ((size + 1) * 2 > ids.length) {
      resize(ids.length * 2);
    }
    insert(lease);
    size++;
  }

  private void insert(Lease lease) {
    int mask = ids.length - 1;
    int i = hash(lease.id) & mask;
    while (leases[i] != null) {
      i = (i + 1) & mask;
    }
    ids[i] = lease.id;
    leases[i] = lease;
  }

  void remove(long id) {
    int mask = ids.length - 1;
    int i = hash(id) & mask;
    while (leases[i] != null && ids[i] != id) {
      i = (i + 1) & mask;
    }
    if (leases[i] == null) {
      return;
    }
    // Backward-shift: move later entries of the probe run into the hole, so lookups stay correct
    // without tombstones.
    int hole = i;
    for (int j = (hole + 1) & mask; leases[j] != null; j = (j + 1) & mask) {
      int home = hash(ids[j]) & mask;
      boolean homeOutsideGap = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (homeOutsideGap) {
        ids[hole] = ids[j];
        leases[hole] = leases[j];
        hole = j;
      }
    }
    leases[hole] = null;
    ids[hole] = 0;
    size--;
    if (ids.length > MIN_CAPACITY && size * 8 < ids.length) {
      resize(ids.length / 2);
    }
  }

  private void resize(int capacity) {
    Lease[] old = leases;
    ids = new long[capacity];
    leases = new Lease[capacity];
    for (Lease lease : old) {
      if (lease != null) {
        insert(lease);
      }
    }
  }
}
