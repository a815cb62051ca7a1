package io.triplestore.it.reliability.agent;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;

/**
 * A host application that uses rocksdbjni only in legal ways, in the orders that once broke the
 * agent (issue 12): what it prints must not depend on whether an agent runs beside it.
 *
 * <ul>
 *   <li>{@code force-release-storm} (case 5): the main thread takes and releases snapshots in a
 *       loop while an operator thread force-releases every agent lease through JMX. Every host
 *       release must still free its snapshot: it prints {@code rocksdb.num-snapshots} at the end.
 *   <li>{@code late-release-of-expired} (case 6): each round holds s1 past the agent's TTL, takes
 *       s2, releases s1 late, reads at s2 and releases s2, printing what it read and
 *       {@code rocksdb.num-snapshots} after each release. In {@code release=expired} the agent frees
 *       s1 first, and the allocator likely hands s1's address to s2.
 * </ul>
 *
 * <p>It looks for the agent only to know what to wait for (the operator needs the agent's MXBean;
 * s1 must have been freed by the agent before s2 is taken), never to change what it prints. Waits are
 * polls of a condition with a bound. Usage: {@code InterleavingHost <db path> <mode>}.
 */
public final class InterleavingHost {

  private static final ObjectName AGENT_MXBEAN = objectName("io.triplestore:type=SnapshotRegistry,name=agent");
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  private static final boolean AGENT = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
      .anyMatch(argument -> argument.startsWith("-javaagent:"));
  private static final long WAIT_BOUND_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final int STORM_SNAPSHOTS = 50_000;
  private static final int ROUNDS = 25;
  private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);

  private InterleavingHost() {}

  public static void main(String[] args) throws Exception {
    RocksDB.loadLibrary();
    try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, args[0])) {
      // The agent registers its MXBean once it has seen a database: show it one.
      db.releaseSnapshot(db.getSnapshot());
      switch (args[1]) {
        case "force-release-storm" -> forceReleaseStorm(db);
        case "late-release-of-expired" -> lateReleaseOfExpired(db);
        default -> throw new IllegalArgumentException("unknown mode " + args[1]);
      }
    }
    System.out.println("host finished");
  }

  private static void forceReleaseStorm(RocksDB db) throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    Thread operator = new Thread(() -> {
      // What an operator does in JConsole, as fast as it can: Operations > forceReleaseOlderThan(0).
      while (!done.get()) {
        invoke("forceReleaseOlderThan", 0L);
      }
    }, "operator");
    if (AGENT && awaitAgent()) {
      operator.start();
    }
    for (int i = 0; i < STORM_SNAPSHOTS; i++) {
      db.releaseSnapshot(db.getSnapshot());
    }
    done.set(true);
    operator.join();
    System.out.println(STORM_SNAPSHOTS + " snapshots taken and released: " + nativeCount(db));
  }

  private static void lateReleaseOfExpired(RocksDB db) throws Exception {
    boolean agentReleasesExpired = AGENT && awaitAgent() && "RELEASE".equals(SERVER.getAttribute(AGENT_MXBEAN, "ExpiryAction"));
    for (int round = 1; round <= ROUNDS; round++) {
      db.put(KEY, value("s1", round));
      Snapshot s1 = db.getSnapshot();
      if (agentReleasesExpired) {
        // s1 is the only snapshot: the agent has freed it once the database holds none (the agent's
        // lease count drops before its native release, so that count would not do).
        awaitCondition(() -> db.getLongProperty("rocksdb.num-snapshots") == 0);
      }
      db.put(KEY, value("s2", round));
      Snapshot s2 = db.getSnapshot();
      db.put(KEY, value("after", round));
      db.releaseSnapshot(s1);
      System.out.println("round " + round + ": s1 released late, " + nativeCount(db));
      try (ReadOptions read = new ReadOptions().setSnapshot(s2)) {
        System.out.println("round " + round + ": read at s2 " + new String(db.get(read, KEY), StandardCharsets.UTF_8));
      }
      db.releaseSnapshot(s2);
      System.out.println("round " + round + ": s2 released, " + nativeCount(db));
    }
  }

  private static byte[] value(String what, int round) {
    return (what + "-" + round).getBytes(StandardCharsets.UTF_8);
  }

  private static String nativeCount(RocksDB db) throws Exception {
    return "rocksdb.num-snapshots=" + db.getLongProperty("rocksdb.num-snapshots");
  }

  /** Whether the agent's MXBean is (or, within the bound, gets) registered. */
  private static boolean awaitAgent() throws Exception {
    return awaitCondition(() -> SERVER.isRegistered(AGENT_MXBEAN));
  }

  @FunctionalInterface
  private interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls {@code condition} until it holds or the bound passes; whether it held. */
  private static boolean awaitCondition(Condition condition) throws Exception {
    long start = System.nanoTime();
    while (!condition.holds()) {
      if (System.nanoTime() - start > WAIT_BOUND_NANOS) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  private static void invoke(String operation, long argument) {
    try {
      SERVER.invoke(AGENT_MXBEAN, operation, new Object[] {argument}, new String[] {"long"});
    } catch (Exception e) {
      throw new IllegalStateException(operation + " failed", e);
    }
  }

  private static ObjectName objectName(String name) {
    try {
      return new ObjectName(name);
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
