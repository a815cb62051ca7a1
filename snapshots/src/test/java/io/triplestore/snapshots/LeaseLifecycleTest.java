package io.triplestore.snapshots;

import static io.triplestore.snapshots.RocksFixture.bytes;
import static io.triplestore.snapshots.RocksFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core behaviours of the original suite: create, read, release, withSnapshot, info, count. */
class LeaseLifecycleTest extends RegistryTestBase {

  @Test
  void leaseWithoutTtlGetsTheFiveMinuteDefault() {
    SnapshotLease lease = registry.create();

    assertThat(lease.ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(registry.defaultTtl()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void customTtlIsVisibleInInfo() {
    SnapshotLease lease = registry.create(Duration.ofSeconds(42));

    assertThat(registry.info(10)).singleElement().satisfies(info -> {
      assertThat(info.id()).isEqualTo(lease.id());
      assertThat(info.ttl()).isEqualTo(Duration.ofSeconds(42));
      assertThat(info.remaining()).isEqualTo(Duration.ofSeconds(42));
    });
  }

  @Test
  void writeAfterTheSnapshotIsInvisibleThroughTheLease() throws Exception {
    rocks.put("k", "before");
    SnapshotLease lease = registry.create();
    rocks.put("k", "after");
    rocks.put("new", "value");

    assertThat(string(lease.get(null, bytes("k")))).isEqualTo("before");
    assertThat(lease.get(null, bytes("new"))).isNull();
    assertThat(string(rocks.db.get(bytes("k")))).isEqualTo("after");
  }

  @Test
  void releaseDecrementsTheCountAndReleasesTheNativeSnapshot() throws Exception {
    SnapshotLease first = registry.create();
    registry.create();
    assertThat(registry.count()).isEqualTo(2);
    assertThat(rocks.nativeSnapshotCount()).isEqualTo(2);

    assertThat(registry.release(first.id())).isEqualTo(ReleaseOutcome.RELEASED);

    assertThat(registry.count()).isEqualTo(1);
    assertThat(rocks.nativeSnapshotCount()).isEqualTo(1);
    assertThat(first.releaseReason()).contains(ReleaseReason.MANUAL);
  }

  @Test
  void doubleReleaseIsAHarmlessNoOpThatSaysSo() throws Exception {
    SnapshotLease lease = registry.create();

    assertThat(registry.release(lease.id())).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(registry.release(lease.id())).isEqualTo(ReleaseOutcome.ALREADY_RELEASED);
    lease.close();
    lease.close();

    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
    assertThat(events.events).containsOnlyOnce("released " + lease.id() + " MANUAL");
  }

  @Test
  void unknownIdIsReportedAsUnknown() {
    assertThat(registry.release(999)).isEqualTo(ReleaseOutcome.UNKNOWN);
    assertThat(registry.forceRelease(-1)).isEqualTo(ReleaseOutcome.UNKNOWN);
    assertThat(registry.find(999)).isEmpty();
    assertThatThrownBy(() -> registry.lease(999))
        .isInstanceOf(UnknownLeaseException.class).hasMessageContaining("999");
  }

  @Test
  void withSnapshotReturnsTheFunctionsValue() throws Exception {
    rocks.put("k", "v");

    String value = registry.withSnapshot(lease -> string(lease.get(null, bytes("k"))));

    assertThat(value).isEqualTo("v");
  }

  @Test
  void withSnapshotReleasesAfterSuccess() throws Exception {
    long id = registry.withSnapshot(SnapshotLease::id);

    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
    assertThat(events.events).contains("released " + id + " MANUAL");
  }

  @Test
  void withSnapshotReleasesAfterAnExceptionAndRethrowsTheOriginal() throws Exception {
    IOException original = new IOException("boom");

    assertThatThrownBy(() -> registry.withSnapshot(lease -> {
      throw original;
    })).isSameAs(original);

    assertThat(registry.count()).isZero();
    assertThat(rocks.nativeSnapshotCount()).isZero();
  }

  @Test
  void withSnapshotAcceptsATtl() throws Exception {
    Duration ttl = registry.withSnapshot(Duration.ofSeconds(7), SnapshotLease::ttl);

    assertThat(ttl).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void infoDescribesLeasesOldestFirst() {
    SnapshotLease first = registry.create(LeaseOptions.builder().label("job-a").build());
    ticker.advance(Duration.ofSeconds(3));
    SnapshotLease second = registry.create(LeaseOptions.builder().ttl(Duration.ofMinutes(1)).noOwner().label("client-b").build());
    ticker.advance(Duration.ofSeconds(2));

    List<LeaseInfo> infos = registry.info(10);

    assertThat(infos).extracting(LeaseInfo::id).containsExactly(first.id(), second.id());
    LeaseInfo a = infos.get(0);
    assertThat(a.ownerLabel()).isEqualTo("job-a");
    assertThat(a.ownerThread()).isEqualTo(Thread.currentThread().getName());
    assertThat(a.age()).isEqualTo(Duration.ofSeconds(5));
    assertThat(a.remaining()).isEqualTo(Duration.ofMinutes(5).minusSeconds(5));
    assertThat(a.warned()).isFalse();
    assertThat(a.creationStack()).isEmpty();
    LeaseInfo b = infos.get(1);
    assertThat(b.ownerLabel()).isEqualTo("client-b");
    assertThat(b.age()).isEqualTo(Duration.ofSeconds(2));
    assertThat(b.createdAt()).isEqualTo(a.createdAt().plusSeconds(3));
    assertThat(registry.info(1)).extracting(LeaseInfo::id).containsExactly(first.id());
  }

  @Test
  void infoRejectsANonPositiveLimit() {
    assertThatThrownBy(() -> registry.info(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("limit").hasMessageContaining("0");
  }

  @Test
  void createdEventIsEmittedWithTheLease() {
    SnapshotLease lease = registry.create();

    assertThat(events.events).containsExactly("created " + lease.id());
  }

  @Test
  void releasedEventCarriesReasonManual() {
    SnapshotLease lease = registry.create();
    lease.close();

    assertThat(events.events).containsExactly("created " + lease.id(), "released " + lease.id() + " MANUAL");
  }

  @Test
  void countFollowsCreatesAndReleases() {
    assertThat(registry.count()).isZero();
    SnapshotLease a = registry.create();
    SnapshotLease b = registry.create();
    SnapshotLease c = registry.create();
    assertThat(registry.count()).isEqualTo(3);
    b.close();
    assertThat(registry.count()).isEqualTo(2);
    a.close();
    c.close();
    assertThat(registry.count()).isZero();
    assertThat(registry.statistics().totalCreated()).isEqualTo(3);
    assertThat(registry.statistics().released(ReleaseReason.MANUAL)).isEqualTo(3);
  }

  @Test
  void idsAreNeverReused() {
    SnapshotLease a = registry.create();
    a.close();
    SnapshotLease b = registry.create();

    assertThat(b.id()).isGreaterThan(a.id());
  }

  @Test
  void leaseLookupNamesTheReasonOfAReleasedLease() {
    SnapshotLease lease = registry.create();
    registry.forceRelease(lease.id());

    assertThatThrownBy(() -> registry.lease(lease.id()))
        .isInstanceOfSatisfying(SnapshotReleasedException.class, e -> {
          assertThat(e.leaseId()).isEqualTo(lease.id());
          assertThat(e.reason()).isEqualTo(ReleaseReason.FORCED);
        })
        .hasMessageContaining("FORCED");
  }

  @Test
  void createFailsOnceTheRegistryIsClosed() {
    registry.close();

    assertThatThrownBy(() -> registry.create()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
