package io.triplestore.snapshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A release waits for reads in flight. The source here records the order of native events, and
 * its reads block until the test lets them finish.
 */
class InFlightReadTest {

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CountDownLatch readEntered = new CountDownLatch(1);
  private final CountDownLatch finishRead = new CountDownLatch(1);

  private final class BlockingSource implements SnapshotSource<String>, SnapshotReader<String> {
    private int next;

    @Override
    public synchronized String take() {
      return "snap-" + (++next);
    }

    @Override
    public void release(String snapshot) {
      log.add("release " + snapshot);
    }

    @Override
    public SnapshotReader<String> reader() {
      return this;
    }

    @Override
    public PointReader pointReader(String snapshot) {
      return new PointReader() {
        @Override
        public byte[] get(ColumnFamilyHandle cf, byte[] key) {
          return blockingGet(snapshot);
        }

        @Override
        public void close() {
          // Nothing native to free; LeaseInterleavingTest checks when the registry closes point readers.
        }
      };
    }

    private byte[] blockingGet(String snapshot) {
      log.add("read start " + snapshot);
      readEntered.countDown();
      try {
        finishRead.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      log.add("read end " + snapshot);
      return new byte[] {1};
    }

    @Override
    public RawIterator iterator(String snapshot, ColumnFamilyHandle cf, IteratorOptions options) {
      throw new UnsupportedOperationException();
    }
  }

  private final SnapshotRegistry registry = SnapshotRegistry.builder()
      .source(new BlockingSource()).scheduler(Scheduler.manual()).build();

  // Two threads of our own: on a 2-core machine the common pool may run only one task at a time.
  private final ExecutorService threads = Executors.newFixedThreadPool(2);

  @AfterEach
  void close() {
    finishRead.countDown();
    threads.shutdownNow();
    registry.close();
  }

  @Test
  void releaseWaitsForTheReadInFlightThenReleasesTheSnapshotOnce() throws Exception {
    SnapshotLease lease = registry.create();
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> lease.get(null, new byte[] {0}), threads);
    assertThat(readEntered.await(10, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<ReleaseOutcome> release = CompletableFuture.supplyAsync(() -> registry.forceRelease(lease.id()), threads);
    // The release has begun: new reads are refused at once, while the one in flight goes on.
    await().atMost(Duration.ofSeconds(10)).until(lease::isReleased);
    assertThatThrownBy(() -> lease.get(null, new byte[] {0})).isInstanceOf(SnapshotReleasedException.class);
    assertThat(release).isNotDone();
    assertThat(log).doesNotContain("release snap-1");

    finishRead.countDown();

    assertThat(read.get(10, TimeUnit.SECONDS)).containsExactly(1);
    assertThat(release.get(10, TimeUnit.SECONDS)).isEqualTo(ReleaseOutcome.RELEASED);
    assertThat(log).containsExactly("read start snap-1", "read end snap-1", "release snap-1");
  }
}
