package io.triplestore.snapshots.jfr;

import static io.triplestore.snapshots.jfr.RecordedRun.named;
import static io.triplestore.snapshots.jfr.RecordedRun.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.triplestore.snapshots.ExpiryAction;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotRegistryBuilder;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotJfrEventsTest {

  @TempDir Path dir;

  private final ManualTicker ticker = new ManualTicker();
  private final InMemorySnapshotSource source = InMemorySnapshotSource.counting();
  private final String name = "jfr-" + UUID.randomUUID();
  private SnapshotRegistry registry;

  private SnapshotRegistryBuilder builder() {
    return SnapshotRegistry.builder()
        .name(name)
        .source(source)
        .ticker(ticker)
        .scheduler(Scheduler.manual())
        .defaultTtl(Duration.ofSeconds(10))
        .warnFraction(0.8);
  }

  @AfterEach
  void closeRegistry() {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void createdEventNamesLeaseOwnerThreadTtlAndRegistry() throws Exception {
    registry = builder().build();
    SnapshotLease[] lease = new SnapshotLease[1];

    List<RecordedEvent> events = record(dir, name, () ->
        lease[0] = registry.create(LeaseOptions.builder().label("loader").description("nightly load of batch 7")
            .ttl(Duration.ofSeconds(30)).build()));

    List<RecordedEvent> created = named(events, SnapshotJfrEvents.CREATED);
    assertThat(created).hasSize(1);
    RecordedEvent event = created.get(0);
    assertThat(event.getLong("leaseId")).isEqualTo(lease[0].id());
    assertThat(event.getString("owner")).isEqualTo("loader");
    assertThat(event.getString("ownerThread")).isEqualTo(Thread.currentThread().getName());
    assertThat(event.getString("description")).isEqualTo("nightly load of batch 7");
    assertThat(event.getDuration("ttl")).isEqualTo(Duration.ofSeconds(30));
    assertThat(event.getString("registry")).isEqualTo(name);
    assertThat(event.getStackTrace()).as("stack traces are off unless a profile asks").isNull();
  }

  @Test
  void releasedEventCarriesReasonAgeAndTtl() throws Exception {
    registry = builder().build();

    List<RecordedEvent> events = record(dir, name, () -> {
      SnapshotLease manual = registry.create(LeaseOptions.builder().label("reader").build());
      SnapshotLease forced = registry.create(Duration.ofMinutes(2));
      ticker.advance(Duration.ofSeconds(3));
      manual.close();
      ticker.advance(Duration.ofSeconds(4));
      registry.forceRelease(forced.id());
    });

    List<RecordedEvent> released = named(events, SnapshotJfrEvents.RELEASED);
    assertThat(released).hasSize(2);
    RecordedEvent manual = released.get(0);
    assertThat(manual.getString("reason")).isEqualTo("MANUAL");
    assertThat(manual.getString("owner")).isEqualTo("reader");
    assertThat(manual.getDuration("age")).isEqualTo(Duration.ofSeconds(3));
    assertThat(manual.getDuration("ttl")).isEqualTo(Duration.ofSeconds(10));
    RecordedEvent forced = released.get(1);
    assertThat(forced.getString("reason")).isEqualTo("FORCED");
    assertThat(forced.getString("owner")).isEqualTo(Thread.currentThread().getName());
    assertThat(forced.getDuration("age")).isEqualTo(Duration.ofSeconds(7));
    assertThat(forced.getDuration("ttl")).isEqualTo(Duration.ofMinutes(2));
    assertThat(forced.getLong("leaseId")).isEqualTo(manual.getLong("leaseId") + 1);
  }

  @Test
  void expiryWarningComesBeforeTheExpiredRelease() throws Exception {
    registry = builder().build();

    List<RecordedEvent> events = record(dir, name, () -> {
      registry.create(LeaseOptions.builder().label("slow-scan").build());
      ticker.advance(Duration.ofMillis(8_500));
      registry.cleanUp();
      ticker.advance(Duration.ofMillis(1_500));
      registry.cleanUp();
    });

    List<RecordedEvent> warnings = named(events, SnapshotJfrEvents.EXPIRY_WARNING);
    assertThat(warnings).hasSize(1);
    RecordedEvent warning = warnings.get(0);
    assertThat(warning.getString("owner")).isEqualTo("slow-scan");
    assertThat(warning.getDuration("age")).isEqualTo(Duration.ofMillis(8_500));
    assertThat(warning.getDuration("ttl")).isEqualTo(Duration.ofSeconds(10));
    assertThat(warning.getDuration("remaining")).isEqualTo(Duration.ofMillis(1_500));

    List<RecordedEvent> released = named(events, SnapshotJfrEvents.RELEASED);
    assertThat(released).hasSize(1);
    assertThat(released.get(0).getString("reason")).isEqualTo("EXPIRED");
    assertThat(released.get(0).getDuration("age")).isEqualTo(Duration.ofSeconds(10));
    assertThat(released.get(0).getLong("leaseId")).isEqualTo(warning.getLong("leaseId"));
    assertThat(released.get(0).getStartTime()).isAfterOrEqualTo(warning.getStartTime());
  }

  @Test
  void reportOnlyRegistryEmitsReleaseDueAndKeepsTheSnapshot() throws Exception {
    registry = builder().expiryAction(ExpiryAction.REPORT).build();
    SnapshotLease[] lease = new SnapshotLease[1];

    List<RecordedEvent> events = record(dir, name, () -> {
      lease[0] = registry.create(LeaseOptions.builder().label("host-app").build());
      ticker.advance(Duration.ofSeconds(11));
      registry.cleanUp();
    });

    List<RecordedEvent> due = named(events, SnapshotJfrEvents.RELEASE_DUE);
    assertThat(due).hasSize(1);
    assertThat(due.get(0).getLong("leaseId")).isEqualTo(lease[0].id());
    assertThat(due.get(0).getString("reason")).isEqualTo("EXPIRED");
    assertThat(due.get(0).getString("owner")).isEqualTo("host-app");
    assertThat(due.get(0).getDuration("age")).isEqualTo(Duration.ofSeconds(11));
    assertThat(due.get(0).getDuration("ttl")).isEqualTo(Duration.ofSeconds(10));
    assertThat(named(events, SnapshotJfrEvents.EXPIRY_WARNING)).hasSize(1);
    assertThat(named(events, SnapshotJfrEvents.RELEASED)).isEmpty();
    assertThat(lease[0].isReleased()).isFalse();
    assertThat(source.liveSnapshots()).isEqualTo(1);
  }

  @Test
  void statisticsEventCarriesCountOldestAgeTotalsAndRocksDbCount() throws Exception {
    registry = builder().expiryAction(ExpiryAction.REPORT).build();
    source.holdOutside(2);

    List<RecordedEvent> events = record(dir, name, () -> {
      registry.create();
      ticker.advance(Duration.ofSeconds(4));
      registry.create(Duration.ofMinutes(1)).close();
      SnapshotLease forced = registry.create(Duration.ofMinutes(1));
      registry.forceRelease(forced.id());
      registry.create(Duration.ofMinutes(1));
      ticker.advance(Duration.ofSeconds(7));
      registry.cleanUp();
    });

    // One statistics event at the start of the recording (all zero) and one at its end.
    List<RecordedEvent> statistics = named(events, SnapshotJfrEvents.REGISTRY_STATISTICS);
    assertThat(statistics).hasSizeGreaterThanOrEqualTo(2);
    RecordedEvent last = statistics.stream().max(Comparator.comparing(RecordedEvent::getStartTime)).get();
    assertThat(last.getInt("count")).isEqualTo(2);
    assertThat(last.getDuration("oldestAge")).isEqualTo(Duration.ofSeconds(11));
    assertThat(last.getLong("totalCreated")).isEqualTo(4);
    assertThat(last.getLong("releasedManual")).isEqualTo(1);
    assertThat(last.getLong("releasedForced")).isEqualTo(1);
    assertThat(last.getLong("releasedExpired")).isZero();
    assertThat(last.getLong("releasedOwnerDown")).isZero();
    assertThat(last.getLong("releasedClosed")).isZero();
    assertThat(last.getLong("warningsEmitted")).isEqualTo(1);
    assertThat(last.getLong("releasesDue")).isEqualTo(1);
    assertThat(last.getLong("rocksDbSnapshotCount")).isEqualTo(4);
    assertThat(last.getLong("untrackedSnapshotCount")).isEqualTo(2);
  }

  @Test
  void statisticsReportMinusOneWhenTheSourceCannotCountSnapshots() throws Exception {
    registry = builder().source(InMemorySnapshotSource.blind()).build();

    List<RecordedEvent> events = record(dir, name, () -> registry.create());

    List<RecordedEvent> statistics = named(events, SnapshotJfrEvents.REGISTRY_STATISTICS);
    assertThat(statistics).isNotEmpty();
    assertThat(statistics).allSatisfy(event -> {
      assertThat(event.getLong("rocksDbSnapshotCount")).isEqualTo(-1);
      assertThat(event.getLong("untrackedSnapshotCount")).isEqualTo(-1);
    });
  }

  @Test
  void closedRegistryNoLongerEmitsStatistics() throws Exception {
    registry = builder().build();
    SnapshotRegistry closed = builder().name(name + "-closed").build();
    closed.close();

    List<RecordedEvent> open = record(dir, name, () -> registry.create());
    List<RecordedEvent> ofClosed = record(dir, name + "-closed", () -> registry.create());

    assertThat(named(open, SnapshotJfrEvents.REGISTRY_STATISTICS)).isNotEmpty();
    assertThat(ofClosed).isEmpty();
  }

  @Test
  void registryBuiltWithoutJfrEventsEmitsNothing() throws Exception {
    registry = builder().build();
    String quietName = name + "-quiet";
    SnapshotRegistry quiet = builder().name(quietName).jfrEvents(false).build();
    try {
      List<RecordedEvent> ofQuiet = record(dir, quietName, () -> {
        quiet.create().close();
        registry.create().close();
      });
      List<RecordedEvent> ofLoud = record(dir, name, () -> registry.create().close());

      assertThat(ofQuiet).isEmpty();
      assertThat(named(ofLoud, SnapshotJfrEvents.CREATED)).hasSize(1);
    } finally {
      quiet.close();
    }
  }

  @Test
  void statisticsArriveOnARecordingStreamAtTheirPeriod() throws Exception {
    registry = builder().build();
    registry.create(LeaseOptions.builder().label("streamed").build());
    ticker.advance(Duration.ofSeconds(2));
    BlockingQueue<RecordedEvent> received =
        new LinkedBlockingQueue<>();

    try (RecordingStream stream = new RecordingStream()) {
      stream.enable(SnapshotJfrEvents.REGISTRY_STATISTICS).withPeriod(Duration.ofMillis(100));
      stream.onEvent(SnapshotJfrEvents.REGISTRY_STATISTICS, event -> {
        if (name.equals(event.getString("registry"))) {
          received.add(event);
        }
      });
      stream.startAsync();
      await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
    }

    RecordedEvent event = received.peek();
    assertThat(event.getInt("count")).isEqualTo(1);
    assertThat(event.getDuration("oldestAge")).isEqualTo(Duration.ofSeconds(2));
    assertThat(event.getLong("totalCreated")).isEqualTo(1);
  }
}
