package io.triplestore.it.agent;

import static io.triplestore.it.agent.SnapshotTrackingAgentTest.awaitCount;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Transaction snapshots: the agent's count follows the database's own through set, replace,
 * clear, commit, snapshot-on-next-operation and close, for both transactional databases.
 */
class TransactionSnapshotAgentTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"pessimistic", "optimistic"})
  void transactionSnapshotsAreTrackedUntilTheTransactionEndsThem(String kind) throws Exception {
    try (HostProcess host = HostProcess.start(AgentJars.javaagent("ttl=1m,tick=100ms"), AgentJars.rocksDb(),
        SnapshotHost.class, dir.resolve("db").toString(), kind)) {
      host.run("txn-begin t");
      awaitCount(host, "count native=0 tracked=0");

      host.run("txn-set-snapshot t");
      assertThat(host.count()).isEqualTo("count native=1 tracked=1");

      host.run("txn-set-snapshot t");
      assertThat(host.count()).as("a new snapshot replaces the old one").isEqualTo("count native=1 tracked=1");

      host.run("txn-put t a b");
      host.run("txn-commit t");
      assertThat(host.count()).as("rocksdb keeps a transaction's snapshot after commit, until the transaction ends")
          .isEqualTo("count native=1 tracked=1");

      host.run("txn-clear t");
      assertThat(host.count()).isEqualTo("count native=0 tracked=0");

      host.run("txn-snapshot-on-next t");
      assertThat(host.count()).isEqualTo("count native=0 tracked=0");
      host.run("txn-put t c d");
      assertThat(host.count()).as("the snapshot comes with the next operation").isEqualTo("count native=1 tracked=1");

      host.run("txn-close t");
      assertThat(host.count()).isEqualTo("count native=0 tracked=0");
      assertThat(host.agentLines()).noneMatch(l -> l.matches("(LEAK|WARNING|EXPIRED|OWNER_DOWN|ERROR).*"));
    }
  }
}
