package io.triplestore.it.reliability.agent;

import java.nio.charset.StandardCharsets;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * A host application that misuses rocksdbjni on purpose, so that exceptions come out of the very
 * calls the agent instruments: a release of a null snapshot, calls on a closed database, a
 * {@code closeE()} refused because a snapshot is still held. It prints one line per step with what it
 * got (value, or exception class and message), and nothing else that could differ between runs,
 * so a run with the agent must print exactly what a run without it prints.
 *
 * <p>Usage: {@code FaultyHost <db path> [script|get-after-close|release-after-close]}. Depends on
 * nothing but rocksdbjni.
 */
public final class FaultyHost {

  private FaultyHost() {}

  /** One step of the script. */
  @FunctionalInterface
  private interface Step {
    Object run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    RocksDB.loadLibrary();
    String mode = args.length > 1 ? args[1] : "script";
    if (!mode.equals("script")) {
      afterClose(args[0], mode);
      return;
    }
    byte[] key = "key".getBytes(StandardCharsets.UTF_8);
    RocksDB db = RocksDB.open(new Options().setCreateIfMissing(true), args[0]);
    db.put(key, "v1".getBytes(StandardCharsets.UTF_8));
    Snapshot[] held = new Snapshot[1];
    step("take snapshot", () -> {
      held[0] = db.getSnapshot();
      return held[0].getSequenceNumber();
    });
    step("write after snapshot", () -> {
      db.put(key, "v2".getBytes(StandardCharsets.UTF_8));
      return "done";
    });
    step("read at snapshot", () -> {
      try (ReadOptions read = new ReadOptions().setSnapshot(held[0])) {
        return new String(db.get(read, key), StandardCharsets.UTF_8);
      }
    });
    step("release null snapshot", () -> {
      db.releaseSnapshot(null);
      return "returned";
    });
    step("release held snapshot", () -> {
      db.releaseSnapshot(held[0]);
      return "released";
    });
    step("closeE", () -> {
      db.closeE();
      return "closed";
    });
    step("closeE again", () -> {
      db.closeE();
      return "closed";
    });
    step("close again", () -> {
      db.close();
      return "closed";
    });
    // Last, since RocksJava leaves a database whose closeE failed unusable.
    RocksDB other = RocksDB.open(new Options().setCreateIfMissing(true), args[0] + "-other");
    step("take snapshot on another database", () -> other.getSnapshot().getSequenceNumber());
    step("closeE with a snapshot held", () -> {
      other.closeE();
      return "closed";
    });
    System.out.println("host finished");
  }

  /**
   * A call on a closed database. rocksdbjni itself aborts the JVM here (its native handle is
   * gone), with or without the agent: the test compares how the process ends.
   */
  private static void afterClose(String path, String mode) throws Exception {
    RocksDB db = RocksDB.open(new Options().setCreateIfMissing(true), path);
    Snapshot snapshot = db.getSnapshot();
    db.releaseSnapshot(snapshot);
    db.closeE();
    System.out.println("closed, now " + mode);
    System.out.flush();
    if (mode.equals("get-after-close")) {
      step("getSnapshot on the closed database", () -> db.getSnapshot() == null ? "null" : "a snapshot");
    } else {
      step("releaseSnapshot on the closed database", () -> {
        db.releaseSnapshot(snapshot);
        return "returned";
      });
    }
    System.out.println("host finished");
  }

  private static void step(String name, Step step) {
    String outcome;
    try {
      outcome = "-> " + step.run();
    } catch (Throwable e) {
      outcome = "threw " + e.getClass().getName() + ": " + e.getMessage();
    }
    System.out.println(name + " " + outcome);
  }
}
