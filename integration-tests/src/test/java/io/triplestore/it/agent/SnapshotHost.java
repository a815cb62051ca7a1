package io.triplestore.it.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;
import org.rocksdb.OptimisticTransactionDB;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.Snapshot;
import org.rocksdb.Transaction;
import org.rocksdb.TransactionDB;
import org.rocksdb.TransactionDBOptions;
import org.rocksdb.WriteOptions;

/**
 * A host application for the agent tests, run in its own JVM with nothing but rocksdbjni and this
 * class on its class path. It knows nothing of the agent: it opens a database and does what its
 * stdin says, one command per line, answering {@code ok <command>} (or {@code error <command>: ...})
 * on stdout. {@code count} prints the database's own snapshot count and, when an agent registered
 * one, the registry MXBean's count, as {@code count native=N tracked=M} ({@code tracked=none}
 * without an agent MXBean); {@code list} prints the MXBean's lease table.
 *
 * <p>Usage: {@code SnapshotHost <db path> plain|pessimistic|optimistic}.
 */
public final class SnapshotHost {

  private static final String AGENT_MXBEAN = "io.triplestore:type=SnapshotRegistry,name=agent";

  private final Map<String, Snapshot> snapshots = new HashMap<>();
  private final Map<String, Transaction> transactions = new HashMap<>();
  private RocksDB db;
  private boolean closed;

  public static void main(String[] args) throws Exception {
    RocksDB.loadLibrary();
    SnapshotHost host = new SnapshotHost();
    host.db = open(args[0], args.length > 1 ? args[1] : "plain");
    host.db.put("key".getBytes(StandardCharsets.UTF_8), "value".getBytes(StandardCharsets.UTF_8));
    System.out.println("ready pid=" + ProcessHandle.current().pid() + " rocksdbjni=" + rocksDbVersion());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("exit")) {
        break;
      }
      try {
        host.run(line.trim().split("\\s+"));
        System.out.println("ok " + line);
      } catch (Exception e) {
        System.out.println("error " + line + ": " + e);
      }
    }
    System.out.println("bye");
  }

  private static RocksDB open(String path, String kind) throws Exception {
    Options options = new Options().setCreateIfMissing(true);
    return switch (kind) {
      case "plain" -> RocksDB.open(options, path);
      case "pessimistic" -> TransactionDB.open(options, new TransactionDBOptions(), path);
      case "optimistic" -> OptimisticTransactionDB.open(options, path);
      default -> throw new IllegalArgumentException("unknown database kind " + kind);
    };
  }

  private void run(String[] cmd) throws Exception {
    String name = cmd.length > 1 ? cmd[1] : "";
    switch (cmd[0]) {
      // The leak the agent exists for: Snapshot.close() releases nothing.
      case "leak" -> {
        try (Snapshot s = db.getSnapshot()) {
          System.out.println("leaked sequence=" + s.getSequenceNumber());
        }
      }
      case "take" -> snapshots.put(name, db.getSnapshot());
      case "release" -> db.releaseSnapshot(snapshots.remove(name));
      // Released first, then closed: correct, and no leak.
      case "release-and-close" -> {
        Snapshot snapshot = snapshots.remove(name);
        db.releaseSnapshot(snapshot);
        snapshot.close();
      }
      case "take-on-thread" -> {
        Thread worker = new Thread(() -> snapshots.put(name, db.getSnapshot()), name);
        worker.start();
        worker.join();
      }
      case "put" -> db.put(cmd[1].getBytes(StandardCharsets.UTF_8), cmd[2].getBytes(StandardCharsets.UTF_8));
      case "get" -> System.out.println("value " + new String(db.get(cmd[1].getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
      case "count" -> System.out.println("count native=" + (closed ? "closed" : db.getLongProperty("rocksdb.num-snapshots"))
          + " tracked=" + trackedCount());
      case "list" -> list();
      // What an operator does in JConsole: Operations > forceRelease(id).
      case "force-release" -> System.out.println("forceRelease " + ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName(AGENT_MXBEAN), "forceRelease", new Object[] {Long.parseLong(name)}, new String[] {"long"}));
      case "close" -> {
        db.close();
        closed = true;
      }
      case "txn-begin" -> transactions.put(name, db instanceof TransactionDB t
          ? t.beginTransaction(new WriteOptions()) : ((OptimisticTransactionDB) db).beginTransaction(new WriteOptions()));
      case "txn-set-snapshot" -> transactions.get(name).setSnapshot();
      case "txn-snapshot-on-next" -> transactions.get(name).setSnapshotOnNextOperation();
      case "txn-put" -> transactions.get(name).put(cmd[2].getBytes(StandardCharsets.UTF_8), cmd[3].getBytes(StandardCharsets.UTF_8));
      case "txn-get-snapshot" -> System.out.println("txn snapshot " + (transactions.get(name).getSnapshot() != null));
      case "txn-clear" -> transactions.get(name).clearSnapshot();
      case "txn-commit" -> transactions.get(name).commit();
      case "txn-rollback" -> transactions.get(name).rollback();
      case "txn-close" -> transactions.remove(name).close();
      default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
    }
  }

  private static String trackedCount() throws Exception {
    ObjectName name = new ObjectName(AGENT_MXBEAN);
    var server = ManagementFactory.getPlatformMBeanServer();
    return server.isRegistered(name) ? String.valueOf(server.getAttribute(name, "Count")) : "none";
  }

  /** Prints the agent MXBean's {@code info(100)} rows, as JConsole would show them, one per line. */
  private static void list() throws Exception {
    var rows = (javax.management.openmbean.CompositeData[]) ManagementFactory.getPlatformMBeanServer()
        .invoke(new ObjectName(AGENT_MXBEAN), "info", new Object[] {100}, new String[] {"int"});
    for (var row : rows) {
      System.out.println("lease id=" + row.get("id") + " ownerThread=" + row.get("ownerThread")
          + " warned=" + row.get("warned") + " expired=" + row.get("expired") + " ownerDown=" + row.get("ownerDown")
          + " stack=" + String.valueOf(row.get("creationStack")).replace('\n', '|'));
    }
  }

  private static String rocksDbVersion() {
    return RocksDB.rocksdbVersion().toString();
  }
}
