package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * JMX and JFR read the database's properties on their own threads; once the registry is closed
 * the database may be closed too, so the registry must stop asking its source.
 */
class NativePropertiesAfterCloseTest {

  /** A source whose properties must not be read once {@code databaseClosed} is set. */
  private static final class PropertySource implements SnapshotSource<Object> {
    final AtomicBoolean databaseClosed = new AtomicBoolean();

    @Override
    public Object take() {
      return new Object();
    }

    @Override
    public void release(Object snapshot) {}

    @Override
    public OptionalLong nativeSnapshotCount() {
      assertOpen();
      return OptionalLong.of(7);
    }

    @Override
    public OptionalLong oldestNativeSnapshotTime() {
      assertOpen();
      return OptionalLong.of(1_700_000_000L);
    }

    private void assertOpen() {
      if (databaseClosed.get()) {
        throw new AssertionError("database property read after the registry was closed");
      }
    }
  }

  @Test
  void propertiesComeFromTheSourceWhileOpenAndAreUnknownOnceClosed() {
    PropertySource source = new PropertySource();
    SnapshotRegistry registry = SnapshotRegistry.builder().source(source).scheduler(Scheduler.manual()).build();

    assertThat(registry.nativeSnapshotCount()).hasValue(7);
    assertThat(registry.oldestNativeSnapshotTime()).hasValue(1_700_000_000L);
    assertThat(registry.statistics().nativeSnapshotCount()).hasValue(7);

    registry.close();
    source.databaseClosed.set(true);

    assertThat(registry.nativeSnapshotCount()).isEmpty();
    assertThat(registry.oldestNativeSnapshotTime()).isEmpty();
    assertThat(registry.statistics().nativeSnapshotCount()).isEmpty();
  }
}
