package io.triplestore.daemon.jmx;

import io.triplestore.snapshots.jmx.OperatorAudit;
import io.triplestore.store.GraphSelector;
import io.triplestore.store.StoreStats;
import io.triplestore.store.TripleStore;
import io.triplestore.store.VerificationReport;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** The {@link StoreMXBean} of one store; operations are logged, as operators will want to know. */
public final class StoreManagement implements StoreMXBean {

  private static final Logger LOG = LogManager.getLogger(StoreManagement.class);

  private final TripleStore store;

  public StoreManagement(TripleStore store) {
    this.store = store;
  }

  @Override
  public String getDataDirectory() {
    return store.directory().toAbsolutePath().toString();
  }

  @Override
  public long getQuads() {
    return store.size();
  }

  @Override
  public long getTriples() {
    return store.size(GraphSelector.DEFAULT);
  }

  @Override
  public int getNamedGraphs() {
    return store.namedGraphs().size();
  }

  @Override
  public long getTerms() {
    return stats().distinctTerms();
  }

  @Override
  public long getTotalSstBytes() {
    return stats().totalSstBytes();
  }

  @Override
  public long getEstimatedLiveBytes() {
    return stats().estimatedLiveBytes();
  }

  @Override
  public double getLiveToTotalRatio() {
    return stats().liveToTotalRatio();
  }

  @Override
  public Map<String, Long> getSstBytesByColumnFamily() {
    return stats().sstBytesByColumnFamily();
  }

  @Override
  public String getSstBytesSummary() {
    StoreStats stats = stats();
    return ByteSizes.format(stats.totalSstBytes()) + stats.sstBytesByColumnFamily().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .map(family -> family.getKey() + " " + ByteSizes.format(family.getValue()))
        .collect(Collectors.joining(", ", ": ", ""));
  }

  @Override
  public long getNativeSnapshots() {
    return stats().nativeSnapshots();
  }

  @Override
  public int getLeases() {
    return store.registry().count();
  }

  @Override
  public long getOldestLeaseAgeMillis() {
    return stats().oldestLeaseAge().toMillis();
  }

  @Override
  public void reclaim() {
    audited("reclaim", "reclaim (forced bottommost compaction)", store::reclaim);
  }

  @Override
  public void compact() {
    audited("compact", "compaction", store::compact);
  }

  @Override
  public void flush() {
    audited("flush", "flush", store::flush);
  }

  @Override
  public String verify() {
    long start = System.nanoTime();
    LOG.info("verify requested over JMX");
    VerificationReport report = store.verify();
    String text = report.describe();
    if (report.consistent()) {
      LOG.info("verify done in {} ms: {}", (System.nanoTime() - start) / 1_000_000, text);
    } else {
      LOG.error("verify done in {} ms: {}", (System.nanoTime() - start) / 1_000_000, text);
    }
    return text;
  }

  private StoreStats stats() {
    return store.stats();
  }

  /** Runs {@code work} in the caller's thread, logged as before and recorded in the audit trail. */
  private void audited(String action, String what, Runnable work) {
    OperatorAudit.record(store.registry().name(), action, "store", () -> {
      long start = System.nanoTime();
      LOG.info("{} requested over JMX", what);
      work.run();
      long millis = (System.nanoTime() - start) / 1_000_000;
      LOG.info("{} done in {} ms", what, millis);
      return millis;
    }, millis -> "done in " + millis + " ms");
  }
}
