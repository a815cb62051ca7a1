package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ring of recent release reasons remembers exactly the last {@code capacity} releases. */
class ReleasedHistoryTest {

  @Test
  void remembersTheLastCapacityReleasesAcrossManyWrapArounds() {
    int capacity = 5;
    ReleasedHistory history = new ReleasedHistory(capacity);
    ReleaseReason[] reasons = ReleaseReason.values();
    int releases = capacity * 7 + 3;
    for (long id = 1; id <= releases; id++) {
      history.add(id, reasons[(int) (id % reasons.length)]);
    }
    for (long id = 1; id <= releases; id++) {
      ReleaseReason expected = id > releases - capacity ? reasons[(int) (id % reasons.length)] : null;
      assertThat(history.reasonOf(id)).as("reason of lease %d", id).isEqualTo(expected);
    }
  }

  @Test
  void beforeTheFirstWrapItRemembersEveryRelease() {
    ReleasedHistory history = new ReleasedHistory(4);
    history.add(10, ReleaseReason.EXPIRED);
    history.add(11, ReleaseReason.FORCED);

    assertThat(history.reasonOf(10)).isEqualTo(ReleaseReason.EXPIRED);
    assertThat(history.reasonOf(11)).isEqualTo(ReleaseReason.FORCED);
    assertThat(history.reasonOf(12)).isNull();
  }

  @Test
  void aHistoryOfCapacityZeroRemembersNothing() {
    ReleasedHistory history = new ReleasedHistory(0);
    history.add(1, ReleaseReason.MANUAL);

    assertThat(history.reasonOf(1)).isNull();
  }
}
