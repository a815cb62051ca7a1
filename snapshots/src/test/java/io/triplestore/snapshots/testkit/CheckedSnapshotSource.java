package io.triplestore.snapshots.testkit;

import io.triplestore.snapshots.IteratorOptions;
import io.triplestore.snapshots.SnapshotReader;
import io.triplestore.snapshots.SnapshotSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ColumnFamilyHandle;

/**
 * A fake database whose snapshots are numbers, which records every misuse instead of crashing: a
 * read or release of a snapshot that is not live, a release twice, any call after the test
 * declared the database closed ({@link #closeDatabase()}), and, for the point readers that stand
 * for native read options, a read through one after its close, a close under a read in flight, a
 * close twice or after the snapshot's release. Each operation can be held at a gate
 * ({@link #holdNext(Operation)}), so a test stops a thread inside the native call and drives other
 * threads while it is there.
 *
 * <p>Concurrency: every method may be called from any thread; the records are concurrent
 * collections and a gate is a pair of latches handed over through a concurrent map.
 */
public final class CheckedSnapshotSource implements SnapshotSource<Long>, SnapshotReader<Long> {

  /** The native calls a test can stop a thread in. */
  public enum Operation { TAKE, RELEASE, OPEN_READS, GET }

  /** A thread stopped in a native call: wait until it is there, then let it go. */
  public static final class Gate {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    public void awaitEntered() throws InterruptedException {
      entered.await();
    }

    public void open() {
      opened.countDown();
    }

    void pass() {
      entered.countDown();
      try {
        opened.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted at a gate", e);
      }
    }
  }

  private final AtomicLong nextSnapshot = new AtomicLong(1);
  private final AtomicInteger openedReaders = new AtomicInteger();
  private final AtomicInteger closedReaders = new AtomicInteger();
  private final Map<Long, Boolean> live = new ConcurrentHashMap<>();
  private final Map<Operation, Gate> gates = new ConcurrentHashMap<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private volatile boolean databaseClosed;

  /** Stops the next call of {@code operation} until the returned gate is opened. */
  public Gate holdNext(Operation operation) {
    Gate gate = new Gate();
    gates.put(operation, gate);
    return gate;
  }

  /** What the store does after the registry's close() returns: from now on every call is a crash. */
  public void closeDatabase() {
    databaseClosed = true;
    log.add("database closed");
  }

  /** Every misuse seen so far, empty when none. */
  public List<String> violations() {
    return violations;
  }

  /** Completed native calls and test markers, in the order they happened. */
  public List<String> log() {
    return log;
  }

  /** Adds a marker line to the log, for a test to order its own steps against native calls. */
  public void mark(String line) {
    log.add(line);
  }

  public int liveSnapshots() {
    return live.size();
  }

  /** Point readers opened so far, closed or not. */
  public int openedPointReaders() {
    return openedReaders.get();
  }

  /** Point readers opened and not yet closed: the native read options a real database would hold. */
  public int unclosedPointReaders() {
    return openedReaders.get() - closedReaders.get();
  }

  @Override
  public Long take() {
    enter(Operation.TAKE, "take");
    long snapshot = nextSnapshot.getAndIncrement();
    live.put(snapshot, Boolean.TRUE);
    log.add("took " + snapshot);
    return snapshot;
  }

  @Override
  public void release(Long snapshot) {
    enter(Operation.RELEASE, "release of " + snapshot);
    if (live.remove(snapshot) == null) {
      violations.add("release of snapshot " + snapshot + " that is not live (double release)");
    }
    log.add("released " + snapshot);
  }

  @Override
  public PointReader pointReader(Long snapshot) {
    enter(Operation.OPEN_READS, "open of reads at " + snapshot);
    if (!live.containsKey(snapshot)) {
      violations.add("reads opened at snapshot " + snapshot + " after its release");
    }
    int number = openedReaders.incrementAndGet();
    log.add("opened reads " + number + " at " + snapshot);
    return new CheckedPointReader(snapshot, number);
  }

  /** Stands for a native ReadOptions: freeing it under a read, or reading through it once freed, would crash. */
  private final class CheckedPointReader implements PointReader {
    private final long snapshot;
    private final int number;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    CheckedPointReader(long snapshot, int number) {
      this.snapshot = snapshot;
      this.number = number;
    }

    @Override
    public byte[] get(ColumnFamilyHandle columnFamily, byte[] key) {
      // Counted before the gate: a read held there is inside the native call.
      inFlight.incrementAndGet();
      try {
        enter(Operation.GET, "read at " + snapshot);
        if (closed.get()) {
          violations.add("read through reads " + number + " after their close");
        }
        if (!live.containsKey(snapshot)) {
          violations.add("read at snapshot " + snapshot + " after its release");
        }
        return new byte[] {(byte) snapshot};
      } finally {
        inFlight.decrementAndGet();
      }
    }

    @Override
    public void close() {
      if (!closed.compareAndSet(false, true)) {
        violations.add("reads " + number + " closed twice");
        return;
      }
      if (inFlight.get() != 0) {
        violations.add("reads " + number + " closed under a read in flight");
      }
      if (!live.containsKey(snapshot)) {
        violations.add("reads " + number + " closed after the release of snapshot " + snapshot);
      }
      if (databaseClosed) {
        violations.add("close of reads " + number + " on a closed database");
      }
      closedReaders.incrementAndGet();
      log.add("closed reads " + number);
    }
  }

  @Override
  public RawIterator iterator(Long snapshot, ColumnFamilyHandle columnFamily, IteratorOptions options) {
    throw new UnsupportedOperationException("the checked source reads by get() only");
  }

  @Override
  public SnapshotReader<Long> reader() {
    return this;
  }

  // Checked after the gate: a call held there is still running, and it is the database's state
  // when the call goes ahead that decides whether it would have crashed.
  private void enter(Operation operation, String call) {
    Gate gate = gates.remove(operation);
    if (gate != null) {
      gate.pass();
    }
    if (databaseClosed) {
      violations.add(call + " on a closed database");
    }
  }
}
