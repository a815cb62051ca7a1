package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.triplestore.snapshots.spi.TrackingRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code release(id, reason)}: an observer (the agent) ends a lease whose snapshot ended by other
 * means, recording why, e.g. {@code CLOSED} when the database under it closed.
 */
class ReleaseWithReasonTest {

  private final List<Object> nativeReleases = new CopyOnWriteArrayList<>();
  private final RecordingListener events = new RecordingListener();
  private final TrackingRegistry registry = SnapshotRegistry.builder()
      .source(new SnapshotSource<String>() {
        @Override
        public String take() {
          return "taken";
        }

        @Override
        public void release(String snapshot) {
          nativeReleases.add(snapshot);
        }
      })
      .expiryAction(ExpiryAction.REPORT).scheduler(Scheduler.manual()).listener(events)
      .buildTracking();

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void releaseWithAReasonRecordsThatReasonOnce() {
    SnapshotLease lease = registry.track("observed", LeaseOptions.builder().build());

    assertThat(registry.release(lease.id(), ReleaseReason.CLOSED)).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(registry.release(lease.id(), ReleaseReason.MANUAL)).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

    assertThat(lease.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(events.events).containsExactly("created " + lease.id(), "released " + lease.id() + " CLOSED");
    assertThat(registry.statistics().released(ReleaseReason.CLOSED)).isEqualTo(1);
    assertThat(registry.count()).isZero();
    assertThat(nativeReleases).containsExactly("observed");
  }

  @Test
  void releaseWithAReasonOfAnUnknownIdChangesNothing() {
    assertThat(registry.release(99, ReleaseReason.CLOSED)).isEqualTo(ReleaseOutcome.UNKNOWN);
    assertThatNullPointerException().isThrownBy(() -> registry.release(1, null)).withMessage("reason");
    assertThat(events.events).isEmpty();
  }

  /** The lease itself, as {@code track} returned it: the same release, without the id lookup. */
  @Test
  void releaseOfATrackedLeaseRecordsItsReasonOnceAndCountsIt() {
    SnapshotLease lease = registry.track("observed", LeaseOptions.builder().build());
    SnapshotLease other = registry.track("other", LeaseOptions.builder().build());

    assertThat(registry.release(lease, ReleaseReason.CLOSED)).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(registry.release(lease, ReleaseReason.MANUAL)).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);
    assertThat(registry.release(lease.id(), ReleaseReason.MANUAL)).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

    assertThat(lease.releaseReason()).contains(ReleaseReason.CLOSED);
    assertThat(registry.statistics().released(ReleaseReason.CLOSED)).isEqualTo(1);
    assertThat(registry.count()).isEqualTo(1);
    assertThat(registry.find(lease.id())).isEmpty();
    assertThat(registry.find(other.id())).contains(other);
    assertThat(nativeReleases).containsExactly("observed");
  }

  @Test
  void releaseOfAnotherRegistrysLeaseIsRefusedAndChangesNothing() {
    try (TrackingRegistry elsewhere = anotherRegistry()) {
      SnapshotLease foreign = elsewhere.track("foreign", LeaseOptions.builder().build());

      assertThatIllegalArgumentException().isThrownBy(() -> registry.release(foreign, ReleaseReason.CLOSED))
          .withMessageContaining("not a lease of snapshot registry");
      assertThat(foreign.releaseReason()).isEmpty();
      assertThat(elsewhere.count()).isEqualTo(1);
      assertThatNullPointerException().isThrownBy(() -> registry.release(foreign, null)).withMessage("reason");
    }
  }

  /** What a listener needs to describe a tracked lease, without an index of its own. */
  @Test
  void theTrackedObjectIsFoundFromTheLeaseDuringItsLifeAndAfterItsRelease() {
    Object observed = new Object();
    SnapshotLease lease = registry.track(observed, LeaseOptions.builder().build());
    SnapshotLease taken = registry.create(LeaseOptions.builder().build());

    assertThat(registry.tracked(lease)).isSameAs(observed);
    assertThat(registry.tracked(taken)).isEqualTo("taken");
    registry.release(lease, ReleaseReason.CLOSED);
    assertThat(registry.tracked(lease)).isSameAs(observed);
    try (TrackingRegistry elsewhere = anotherRegistry()) {
      assertThat(registry.tracked(elsewhere.track(observed, LeaseOptions.builder().build()))).isNull();
    }
    taken.close();
  }

  /** A second registry, whose leases this test's registry must not take for its own. */
  private static TrackingRegistry anotherRegistry() {
    return SnapshotRegistry.builder().source(new SnapshotSource<String>() {
      @Override
      public String take() {
        return "elsewhere";
      }

      @Override
      public void release(String snapshot) {
      }
    }).scheduler(Scheduler.manual()).buildTracking();
  }
}
