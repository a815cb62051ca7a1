package io.triplestore.snapshots;

import io.triplestore.snapshots.testkit.ManualTicker;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A registry on a real RocksDB with a fake ticker and no maintenance thread. */
abstract class RegistryTestBase {

  @TempDir
  Path dir;

  RocksFixture rocks;
  ManualTicker ticker;
  RecordingListener events;
  SnapshotRegistry registry;

  @BeforeEach
  void openRegistry() throws Exception {
    rocks = new RocksFixture(dir);
    ticker = new ManualTicker();
    events = new RecordingListener();
    registry = configure(SnapshotRegistry.builder()).build();
  }

  /** The builder every test of the class uses; override to change settings. */
  SnapshotRegistryBuilder configure(SnapshotRegistryBuilder builder) {
    return builder.rocksDb(rocks.db).name("test").ticker(ticker).scheduler(Scheduler.manual())
        .tick(java.time.Duration.ofSeconds(1)).listener(events);
  }

  @AfterEach
  void closeRegistry() {
    registry.close();
    rocks.close();
  }
}
