package io.triplestore.snapshots;

import io.triplestore.snapshots.testkit.ManualTicker;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import io.triplestore.snapshots.spi.TrackingRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A report-only registry (the agent's) tracks snapshots it did not take: expiry and owner death
 * are reported and flagged, and the lease stays until its holder releases it.
 */
class ReportOnlyTest {

  private final List<Object> nativeReleases = new CopyOnWriteArrayList<>();
  private final ManualTicker ticker = new ManualTicker();
  private final RecordingListener events = new RecordingListener();
  private final AtomicLong handles = new AtomicLong();
  private final TrackingRegistry registry = SnapshotRegistry.builder()
      .source(new SnapshotSource<Long>() {
        @Override
        public Long take() {
          return handles.incrementAndGet();
        }

        @Override
        public void release(Long snapshot) {
          nativeReleases.add(snapshot);
        }
      })
      .expiryAction(ExpiryAction.REPORT).ticker(ticker).scheduler(Scheduler.manual()).listener(events)
      .buildTracking();

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void expiryIsReportedAndFlaggedButTheLeaseStays() {
    SnapshotLease lease = registry.track(4242L, LeaseOptions.ttl(Duration.ofSeconds(10)));

    ticker.advance(Duration.ofSeconds(11));
    registry.cleanUp();
    registry.cleanUp();

    assertThat(lease.isReleased()).isFalse();
    assertThat(registry.count()).isEqualTo(1);
    assertThat(events.events).containsExactly(
        "created " + lease.id(), "warning " + lease.id(), "due " + lease.id() + " EXPIRED");
    LeaseInfo info = registry.info(1).get(0);
    assertThat(info.expired()).isTrue();
    assertThat(info.remaining()).isNegative();
    assertThat(registry.statistics().releasesDue()).isEqualTo(1);
    assertThat(nativeReleases).isEmpty();
  }

  @Test
  void theHoldersReleaseEndsTheLeaseAndCallsTheSourceOnce() {
    SnapshotLease lease = registry.track(7L, LeaseOptions.DEFAULTS);

    assertThat(registry.release(lease.id())).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(registry.release(lease.id())).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);

    assertThat(nativeReleases).containsExactly(7L);
    assertThat(registry.count()).isZero();
  }

  @Test
  void ownerDeathIsReportedOnceAndTheLeaseStays() throws Exception {
    Thread owner = new Thread(() -> { }, "gone");
    owner.start();
    owner.join();
    SnapshotLease lease = registry.track(9L, LeaseOptions.builder().ownerThread(owner).build());

    registry.cleanUp();
    registry.cleanUp();

    assertThat(lease.isReleased()).isFalse();
    assertThat(registry.info(1).get(0).ownerDown()).isTrue();
    assertThat(events.events).containsOnlyOnce("due " + lease.id() + " OWNER_DOWN");
  }

  @Test
  void readsAreRefusedForSnapshotsTheRegistryCannotRead() {
    SnapshotLease lease = registry.track(1L, LeaseOptions.DEFAULTS);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> lease.get(null, new byte[] {1}))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot read");
  }
}
