package io.triplestore.snapshots.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Event;
import jdk.jfr.EventType;
import jdk.jfr.Period;
import jdk.jfr.Timespan;
import jdk.jfr.ValueDescriptor;
import org.junit.jupiter.api.Test;

class EventMetadataTest {

  /** Fields every JFR event has; JFR labels them itself. */
  private static final Set<String> BUILT_IN = Set.of("startTime", "duration", "eventThread", "stackTrace");
  private static final Set<String> TIMESPANS = Set.of("ttl", "age", "remaining", "oldestAge");

  @Test
  void everyEventClassHasAPublishedName() {
    List<String> names = EventClasses.all().stream().map(EventClasses::nameOf).collect(Collectors.toList());

    assertThat(names).containsExactlyInAnyOrderElementsOf(SnapshotJfrEvents.NAMES);
  }

  @Test
  void everyEventIsLabelledDescribedAndFiledUnderTriplestoreSnapshots() {
    for (Class<? extends Event> type : EventClasses.all()) {
      EventType event = EventType.getEventType(type);
      assertThat(event.getLabel()).as(event.getName()).isNotBlank();
      assertThat(event.getDescription()).as(event.getName()).isNotBlank();
      assertThat(event.getCategoryNames()).as(event.getName()).containsExactly("triplestore", "Snapshots");
    }
  }

  @Test
  void everyFieldIsLabelledAndDescribedAndDurationsAreTimespans() {
    for (Class<? extends Event> type : EventClasses.all()) {
      EventType event = EventType.getEventType(type);
      assertThat(event.getField("registry")).as(event.getName() + " names its registry").isNotNull();
      for (ValueDescriptor field : event.getFields()) {
        if (BUILT_IN.contains(field.getName())) {
          continue;
        }
        String where = event.getName() + "." + field.getName();
        assertThat(field.getLabel()).as(where).isNotBlank();
        assertThat(field.getDescription()).as(where).isNotBlank();
        if (TIMESPANS.contains(field.getName())) {
          assertThat(field.getContentType()).as(where).isEqualTo(Timespan.class.getName());
          assertThat(field.getAnnotation(Timespan.class).value()).as(where).isEqualTo(Timespan.NANOSECONDS);
        }
      }
    }
  }

  @Test
  void onlyTheStatisticsAndOldestLeaseEventsArePeriodicEveryTenSecondsByDefault() {
    for (Class<? extends Event> type : EventClasses.all()) {
      // JFR keeps setting annotations such as @Period out of the EventType: read the class.
      Period period = type.getAnnotation(Period.class);
      String name = EventClasses.nameOf(type);
      if (name.equals(SnapshotJfrEvents.REGISTRY_STATISTICS) || name.equals(SnapshotJfrEvents.OLDEST_LEASE)) {
        assertThat(period).as(name).isNotNull();
        assertThat(period.value()).isEqualTo("10 s");
      } else {
        assertThat(period).as(name).isNull();
      }
    }
  }
}
