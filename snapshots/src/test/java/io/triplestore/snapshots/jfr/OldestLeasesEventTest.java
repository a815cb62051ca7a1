package io.triplestore.snapshots.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The periodic event that names the oldest live leases, so that a recording started in the middle
 * of an incident answers "who holds what"; how many is a setting of the recording.
 */
class OldestLeasesEventTest {

  @TempDir Path dir;

  private final ManualTicker ticker = new ManualTicker();
  private SnapshotRegistry registry;

  @BeforeEach
  void start() {
    registry = SnapshotRegistry.builder().name("oldest-" + UUID.randomUUID()).source(InMemorySnapshotSource.counting())
        .ticker(ticker).scheduler(Scheduler.manual()).build();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private SnapshotLease create(String owner, Duration ttl) {
    return registry.create(LeaseOptions.builder().label(owner).ttl(ttl).noOwner().build());
  }

  private List<RecordedEvent> recordWithCount(String count) throws Exception {
    try (Recording recording = new Recording()) {
      recording.enable(SnapshotJfrEvents.OLDEST_LEASE).with("period", "everyChunk").with("count", count);
      return RecordedRun.named(RecordedRun.recordWith(recording, dir, registry.name()), SnapshotJfrEvents.OLDEST_LEASE);
    }
  }

  @Test
  void namesTheOldestLeasesWithOwnerAgeAndTtlUpToTheCountSetting() throws Exception {
    SnapshotLease oldest = create("nightly-export", Duration.ofMinutes(30));
    ticker.advance(Duration.ofMinutes(5));
    SnapshotLease second = create("report", Duration.ofMinutes(10));
    ticker.advance(Duration.ofMinutes(1));
    create("youngest", Duration.ofMinutes(1));

    List<RecordedEvent> events = recordWithCount("2");

    // everyChunk emits at the start and at the end of the recording: two rounds of two.
    assertThat(events).hasSize(4);
    RecordedEvent first = events.get(0);
    assertThat(first.getLong("leaseId")).isEqualTo(oldest.id());
    assertThat(first.getString("owner")).isEqualTo("nightly-export");
    assertThat(first.getInt("rank")).isEqualTo(1);
    assertThat(first.getDuration("age")).isEqualTo(Duration.ofMinutes(6));
    assertThat(first.getDuration("ttl")).isEqualTo(Duration.ofMinutes(30));
    assertThat(first.getDuration("remaining")).isEqualTo(Duration.ofMinutes(24));
    assertThat(events.get(1).getLong("leaseId")).isEqualTo(second.id());
    assertThat(events.get(1).getInt("rank")).isEqualTo(2);
  }

  @Test
  void aCountOfZeroNamesNone() throws Exception {
    create("any", Duration.ofMinutes(1));

    assertThat(recordWithCount("0")).isEmpty();
  }
}
