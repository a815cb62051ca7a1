package io.triplestore.snapshots.jmx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.Scheduler;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.testkit.InMemorySnapshotSource;
import io.triplestore.snapshots.testkit.ManualTicker;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.management.MBeanServer;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in JConsole without paging: the lease table, one lease by id, defaults
 * for a {@code limit} left at 0, and times as ISO-8601 strings. Through the platform MBeanServer
 * and, for the table, through an RMI connector as JConsole connects.
 */
class RegistryAtAGlanceTest {

  private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
  private final ManualTicker ticker = new ManualTicker();
  private final InMemorySnapshotSource source = InMemorySnapshotSource.counting();
  private SnapshotRegistry registry;
  private ObjectName name;

  @BeforeEach
  void start() {
    registry = SnapshotRegistry.builder()
        .name("glance-" + UUID.randomUUID())
        .source(source)
        .ticker(ticker)
        .scheduler(Scheduler.manual())
        .defaultTtl(Duration.ofMinutes(5))
        .maxTtl(Duration.ofHours(1))
        .build();
    name = SnapshotRegistryJmx.register(registry, server).objectName();
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private SnapshotLease create(String label, Duration ttl) {
    return registry.create(LeaseOptions.builder().label(label).ttl(ttl).noOwner().build());
  }

  private String table(int limit) throws Exception {
    return (String) server.invoke(name, "leaseTable", new Object[] {limit}, new String[] {"int"});
  }

  @Test
  void infoWithLimitZeroListsUpToTheDefaultOfOneHundred() throws Exception {
    for (int i = 0; i < 101; i++) {
      create("many", Duration.ofMinutes(1));
    }

    CompositeData[] rows = (CompositeData[]) server.invoke(name, "info", new Object[] {0}, new String[] {"int"});

    assertThat(rows).hasSize(RegistryMXBeanAdapter.DEFAULT_LIMIT).hasSize(100);
    assertThat((long) rows[0].get("id")).isLessThan((long) rows[99].get("id"));
  }

  @Test
  void leaseTableListsTheOldestLeasesAsAlignedLines() throws Exception {
    SnapshotLease old = create("nightly-export", Duration.ofMinutes(10));
    ticker.advance(Duration.ofSeconds(125));
    SnapshotLease young = create("http 127.0.0.1", Duration.ofSeconds(30));
    ticker.advance(Duration.ofMillis(2_500));

    List<String> lines = table(0).lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("ID").contains("OWNER", "AGE", "TTL", "REMAINING", "STATE", "CREATED");
    assertThat(lines.get(1)).startsWith(Long.toString(old.id())).contains("nightly-export", "2m 07s", "10m 00s", "7m 52s");
    assertThat(lines.get(2)).startsWith(Long.toString(young.id())).contains("http 127.0.0.1", "2.5s", "30.0s", "27.5s");
    assertThat(lines.get(1)).contains(old.createdAt().toString());
    int ownerColumn = lines.get(0).indexOf("OWNER");
    int ageColumn = lines.get(0).indexOf("AGE");
    assertThat(lines.get(1).indexOf("nightly-export")).isEqualTo(ownerColumn);
    assertThat(lines.get(2).indexOf("http 127.0.0.1")).isEqualTo(ownerColumn);
    assertThat(lines.get(1).indexOf("2m 07s")).isEqualTo(ageColumn);
    assertThat(lines.get(2).indexOf("2.5s")).isEqualTo(ageColumn);
  }

  /** What a lease is for (a running query's text, say), on the lease's one line, last. */
  @Test
  void leaseTableEndsEachLineWithTheDescriptionOnOneLineCut() throws Exception {
    String query = "query 7 from 127.0.0.1:5000\nSELECT ?s\n  WHERE {\t?s ?p ?o }\n" + "# padding ".repeat(20);
    SnapshotLease described = registry.create(LeaseOptions.builder().label("sparql").description(query)
        .ttl(Duration.ofMinutes(5)).noOwner().build());
    SnapshotLease plain = create("nightly-export", Duration.ofMinutes(5));

    List<String> lines = table(0).lines().toList();

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).endsWith("DESCRIPTION");
    int column = lines.get(0).indexOf("DESCRIPTION");
    String shown = lines.get(1).substring(column);
    assertThat(lines.get(1)).startsWith(Long.toString(described.id()));
    assertThat(shown).startsWith("query 7 from 127.0.0.1:5000 SELECT ?s WHERE { ?s ?p ?o } # padding")
        .hasSize(LeaseTable.MAX_DESCRIPTION_WIDTH).endsWith("...");
    assertThat(lines.get(2)).startsWith(Long.toString(plain.id())).endsWith("-");
    assertThat(lines.get(2).substring(column)).isEqualTo("-");
  }

  @Test
  void leaseTableShowsWarnedLeasesAndSaysHowManyItLeftOut() throws Exception {
    SnapshotLease warned = create("slow", Duration.ofSeconds(10));
    ticker.advance(Duration.ofSeconds(9));
    registry.cleanUp();
    create("b", Duration.ofMinutes(1));
    create("c", Duration.ofMinutes(1));

    List<String> lines = table(2).lines().toList();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).startsWith(Long.toString(warned.id())).contains("warned");
    assertThat(lines.get(3)).isEqualTo("(1 more; 3 live leases)");
  }

  @Test
  void leaseTableOfAnEmptyRegistrySaysSo() throws Exception {
    assertThat(table(0)).isEqualTo("no live leases in snapshot registry '" + registry.name() + "'");
  }

  @Test
  void leaseOperationDescribesOneLeaseAndNamesAnUnknownId() throws Exception {
    SnapshotLease lease = create("one", Duration.ofMinutes(1));

    CompositeData row = (CompositeData) server.invoke(name, "lease", new Object[] {lease.id()}, new String[] {"long"});

    assertThat(row.get("id")).isEqualTo(lease.id());
    assertThat(row.get("owner")).isEqualTo("one");
    assertThatThrownBy(() -> server.invoke(name, "lease", new Object[] {999L}, new String[] {"long"}))
        .isInstanceOf(RuntimeMBeanException.class)
        .cause()
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("no live snapshot lease with id 999 in snapshot registry '" + registry.name() + "'");
  }

  @Test
  void timesReadAlsoAsIsoStrings() throws Exception {
    assertThat(server.getAttribute(name, "OldestRocksDbSnapshotAt")).isEqualTo("");
    assertThat(server.getAttribute(name, "OldestLeaseCreatedAt")).isEqualTo("");
    assertThat(server.getAttribute(name, "OldestAge")).isEqualTo("");

    source.oldestSnapshotTime(1_700_000_000L);
    SnapshotLease lease = create("iso", Duration.ofMinutes(1));
    ticker.advance(Duration.ofSeconds(75));

    assertThat(server.getAttribute(name, "OldestRocksDbSnapshotAt"))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L).toString()).isEqualTo("2023-11-14T22:13:20Z");
    assertThat(server.getAttribute(name, "OldestLeaseCreatedAt")).isEqualTo(lease.createdAt().toString());
    assertThat(server.getAttribute(name, "OldestAge")).isEqualTo("PT1M15S");
  }

  @Test
  void negativeLimitsAreRejectedWithTheDefaultNamed() {
    assertThatThrownBy(() -> table(-1))
        .isInstanceOf(RuntimeMBeanException.class)
        .cause()
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be 1 or more, or 0 for the default of 100: -1");
  }

  @Test
  void leaseTableReadsTheSameOverARemoteConnector() throws Exception {
    SnapshotLease lease = create("remote-reader", Duration.ofMinutes(1));
    try (LoopbackRmiConnector connector = new LoopbackRmiConnector(server)) {
      MBeanServerConnection remote = connector.client().getMBeanServerConnection();

      String table = (String) remote.invoke(name, "leaseTable", new Object[] {0}, new String[] {"int"});

      assertThat(table).isEqualTo(table(0)).contains(Long.toString(lease.id()), "remote-reader");
    }
  }
}
