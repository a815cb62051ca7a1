package io.triplestore.it.agent;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;
import io.triplestore.it.agent.fork.RocksDB;
import io.triplestore.it.agent.fork.Snapshot;

/**
 * A host of the stand-in renamed rocksdb ({@code fork}) or of the misshapen one ({@code broken}),
 * driven like {@link SnapshotHost}: {@code take <name>}, {@code release <name>}, {@code leak},
 * {@code count}. No rocksdbjni on its class path at all.
 */
public final class ForkHost {

  public static void main(String[] args) throws Exception {
    boolean broken = args[0].equals("broken");
    RocksDB fork = new RocksDB("fork-db");
    io.triplestore.it.agent.broken.RocksDB misshapen = new io.triplestore.it.agent.broken.RocksDB();
    Map<String, Snapshot> snapshots = new HashMap<>();
    System.out.println("ready pid=" + ProcessHandle.current().pid());
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line; (line = in.readLine()) != null && !line.equals("exit"); ) {
      String[] cmd = line.split(" ");
      switch (cmd[0]) {
        case "take" -> snapshots.put(cmd[1], broken ? misshapen.getSnapshot() : fork.getSnapshot());
        case "release" -> {
          if (broken) {
            misshapen.dropSnapshot(snapshots.remove(cmd[1]));
          } else {
            fork.releaseSnapshot(snapshots.remove(cmd[1]));
          }
        }
        case "leak" -> {
          try (Snapshot s = fork.getSnapshot()) {
            System.out.println("leaked " + s.getNativeHandle());
          }
        }
        case "count" -> System.out.println("count native="
            + (broken ? misshapen.getLongProperty("rocksdb.num-snapshots") : fork.getLongProperty("rocksdb.num-snapshots"))
            + " tracked=" + tracked());
        default -> {
          System.out.println("error " + line + ": unknown command");
          continue;
        }
      }
      System.out.println("ok " + line);
    }
  }

  private static String tracked() throws Exception {
    ObjectName name = new ObjectName("io.triplestore:type=SnapshotRegistry,name=agent");
    var server = ManagementFactory.getPlatformMBeanServer();
    return server.isRegistered(name) ? String.valueOf(server.getAttribute(name, "Count")) : "none";
  }
}
