package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Leases end when their owner does: a terminated thread, a collected object. */
class OwnerTest extends RegistryTestBase {

  private SnapshotLease createOn(Thread[] holder, LeaseOptions options) throws InterruptedException {
    AtomicReference<SnapshotLease> created = new AtomicReference<>();
    Thread thread = new Thread(() -> created.set(registry.create(options)), "short-lived-worker");
    holder[0] = thread;
    thread.start();
    thread.join();
    return created.get();
  }

  @Test
  void leaseOfATerminatedThreadIsReleasedWithOwnerDown() throws Exception {
    Thread[] thread = new Thread[1];
    SnapshotLease lease = createOn(thread, LeaseOptions.DEFAULTS);
    assertThat(thread[0].isAlive()).isFalse();
    assertThat(lease.ownerLabel()).isEqualTo("short-lived-worker");

    registry.cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.OWNER_DOWN);
    assertThat(events.events).contains("released " + lease.id() + " OWNER_DOWN");
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }

  @Test
  void leaseOfALiveThreadIsKept() {
    SnapshotLease lease = registry.create();

    registry.cleanUp();

    assertThat(lease.isReleased()).isFalse();
  }

  @Test
  void labelOnlyLeaseOutlivesTheThreadThatCreatedIt() throws Exception {
    Thread[] thread = new Thread[1];
    SnapshotLease lease = createOn(thread, LeaseOptions.builder().noOwner().label("remote-client").build());

    registry.cleanUp();

    assertThat(lease.isReleased()).isFalse();
    assertThat(lease.ownerLabel()).isEqualTo("remote-client");
  }

  @Test
  void leaseIsReleasedWithOwnerDownOnceItsOwnerObjectIsCollected() {
    Object owner = new Object();
    SnapshotLease lease = registry.create(LeaseOptions.builder().owner(owner).build());
    assertThat(lease.ownerLabel()).isEqualTo("java.lang.Object");
    registry.cleanUp();
    assertThat(lease.isReleased()).isFalse();

    owner = null;

    // The GC decides when; ask for collections until the registry has seen it.
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
      System.gc();
      registry.cleanUp();
      return lease.isReleased();
    });
    assertThat(lease.releaseReason()).contains(ReleaseReason.OWNER_DOWN);
  }

  @Test
  void leaseOwnedByAnotherThreadIsKeptUntilThatThreadEnds() throws Exception {
    java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
    Thread owner = new Thread(() -> {
      try {
        finish.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "explicit-owner");
    owner.start();
    SnapshotLease lease = registry.create(LeaseOptions.builder().ownerThread(owner).build());
    assertThat(lease.ownerLabel()).isEqualTo("explicit-owner");

    registry.cleanUp();
    assertThat(lease.isReleased()).isFalse();

    finish.countDown();
    owner.join();
    registry.cleanUp();

    assertThat(lease.releaseReason()).contains(ReleaseReason.OWNER_DOWN);
  }
}
