package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.triplestore.snapshots.spi.TrackingRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.spi.TrackingRegistry.Origin;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code track(snapshot, options, origin)}: an observer (the agent with a grace period) registers a
 * snapshot some time after the host took it, from another thread, and the lease reads as taken by
 * the host's thread, at the host's time, with the host's stack.
 */
class TrackWithOriginTest {

  private static final Duration TTL = Duration.ofSeconds(10);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final TrackingRegistry registry = SnapshotRegistry.builder()
      .source(InMemorySnapshotSource.counting())
      .expiryAction(ExpiryAction.REPORT).defaultTtl(TTL).stackCapture(StackCapture.all())
      .ticker(nanos::get).scheduler(Scheduler.manual())
      .buildTracking();

  @AfterEach
  void close() {
    registry.close();
  }

  private Origin originOn(String threadName) throws InterruptedException {
    AtomicReference<Origin> origin = new AtomicReference<>();
    Thread host = new Thread(() -> origin.set(hostCall()), threadName);
    host.start();
    host.join();
    return origin.get();
  }

  private Origin hostCall() {
    return registry.origin();
  }

  @Test
  void aLeaseTrackedLaterReadsAsTakenByTheOriginsThreadAtItsTimeWithItsStack() throws Exception {
    Origin origin = originOn("host-thread");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());

    SnapshotLease lease = registry.track("observed", LeaseOptions.builder().build(), origin);

    LeaseInfo info = lease.info();
    assertThat(info.ownerThread()).isEqualTo("host-thread");
    assertThat(info.ownerLabel()).isEqualTo("host-thread");
    assertThat(info.age()).isEqualTo(Duration.ofSeconds(2));
    assertThat(info.remaining()).as("the TTL runs from the taking").isEqualTo(TTL.minusSeconds(2));
    assertThat(info.creationStack()).anyMatch(frame -> frame.getMethodName().equals("hostCall"));
  }

  @Test
  void itsDeadlineIsTheTtlFromTheTaking() throws Exception {
    Origin origin = originOn("host-thread");
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    SnapshotLease lease = registry.track("observed", LeaseOptions.builder().build(), origin);

    nanos.addAndGet(TTL.minusSeconds(2).toNanos() - 1);
    registry.cleanUp();
    assertThat(lease.info().expired()).isFalse();
    nanos.addAndGet(1);
    registry.cleanUp();
    assertThat(lease.info().expired()).isTrue();
  }

  @Test
  void anOriginWithAStackTheRegistryDidNotRecordIsRefusedAndNothingIsTracked() {
    Origin forged = new Origin(Thread.currentThread(), nanos.get(), new Throwable("not a creation site"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> registry.track("observed", LeaseOptions.builder().build(), forged))
        .withMessageContaining("not an origin of snapshot registry");
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().totalCreated()).isZero();
  }
}
