package io.triplestore.snapshots;

import java.util.List;

/**
 * A hashed timing wheel of leases keyed by their next deadline (the warning, then the expiry).
 * Adding and removing are O(1); collecting what is due scans only the slots of the ticks that have
 * passed, so the work per tick is proportional to the leases in those slots, not to all leases.
 * Deadlines further away than one turn of the wheel sit in their slot and are skipped until due.
 *
 * <p>Concurrency: not thread-safe; the registry calls it under its lock.
 */
final class DeadlineWheel {

  private final Lease[] slots;
  private final int mask;
  private final long tickNanos;
  private final long originNanos;
  /** The last tick whose slot has been scanned completely; deadlines at or before it are due. */
  private long completedTick;

  DeadlineWheel(int slotCount, long tickNanos, long originNanos) {
    if (Integer.bitCount(slotCount) != 1) {
      throw new IllegalArgumentException("slot count must be a power of two: " + slotCount);
    }
    this.slots = new Lease[slotCount];
    this.mask = slotCount - 1;
    this.tickNanos = tickNanos;
    this.originNanos = originNanos;
    this.completedTick = -1;
  }

  private long tickOf(long nanos) {
    return Math.floorDiv(nanos - originNanos, tickNanos);
  }

  /** Files {@code lease} under {@code deadlineNanos}; a deadline already passed goes in the next slot scanned. */
  void add(Lease lease, long deadlineNanos) {
    long tick = Math.max(tickOf(deadlineNanos), completedTick + 1);
    int slot = (int) (tick & mask);
    Lease head = slots[slot];
    lease.wheelSlot = slot;
    lease.wheelPrev = null;
    lease.wheelNext = head;
    if (head != null) {
      head.wheelPrev = lease;
    }
    slots[slot] = lease;
  }

  void remove(Lease lease) {
    int slot = lease.wheelSlot;
    if (slot < 0) {
      return;
    }
    if (lease.wheelPrev == null) {
      slots[slot] = lease.wheelNext;
    } else {
      lease.wheelPrev.wheelNext = lease.wheelNext;
    }
    if (lease.wheelNext != null) {
      lease.wheelNext.wheelPrev = lease.wheelPrev;
    }
    lease.wheelSlot = -1;
    lease.wheelPrev = null;
    lease.wheelNext = null;
  }

  /**
   * Removes and appends to {@code due} every lease whose next deadline is at or before {@code now}.
   * The current tick's slot is scanned but not marked complete: leases may still fall due in it.
   */
  void removeDue(long now, List<Lease> due) {
    long nowTick = tickOf(now);
    if (nowTick <= completedTick) {
      return;
    }
    long first = completedTick + 1;
    long ticks = nowTick - first + 1;
    if (ticks >= slots.length) {
      for (int slot = 0; slot < slots.length; slot++) {
        removeDueFromSlot(slot, now, due);
      }
    } else {
      for (long tick = first; tick <= nowTick; tick++) {
        removeDueFromSlot((int) (tick & mask), now, due);
      }
    }
    completedTick = nowTick - 1;
  }

  private void removeDueFromSlot(int slot, long now, List<Lease> due) {
    Lease lease = slots[slot];
    while (lease != null) {
      Lease next = lease.wheelNext;
      if (nextDeadline(lease) <= now) {
        remove(lease);
        due.add(lease);
      }
      lease = next;
    }
  }

  static long nextDeadline(Lease lease) {
    return lease.warned ? lease.deadlineNanos : lease.warnAtNanos;
  }
}
