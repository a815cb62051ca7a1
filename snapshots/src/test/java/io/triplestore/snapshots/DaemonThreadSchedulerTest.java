package io.triplestore.snapshots;

import static io.triplestore.snapshots.ThreadWaits.awaitStuckOrDone;
import static io.triplestore.snapshots.ThreadWaits.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.triplestore.snapshots.ThreadWaits.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The default scheduler's handle stops the maintenance thread and waits until it has ended. */
class DaemonThreadSchedulerTest {

  @Test
  void closingTheHandleWaitsForTheRunningTickToFinish() throws Exception {
    CountDownLatch inTick = new CountDownLatch(1);
    CountDownLatch finishTick = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    AutoCloseable handle = Scheduler.daemonThread().scheduleAtFixedRate(() -> {
      if (inTick.getCount() == 0) {
        return;
      }
      inTick.countDown();
      // Stands for maintenance that must not be cut short (a native release in progress).
      Uninterruptibly.await(finishTick);
      order.add("tick finished");
    }, Duration.ofMillis(1), "test-maintenance");
    inTick.await();

    Worker closer = start("closer", () -> {
      handle.close();
      order.add("handle closed");
    });
    awaitStuckOrDone(closer);
    finishTick.countDown();
    closer.join();

    assertThat(order).containsExactly("tick finished", "handle closed");
  }
}
