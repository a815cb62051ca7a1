package io.triplestore.daemon;

import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.daemon.http.ApiServer;
import io.triplestore.daemon.http.HttpSettings;
import io.triplestore.daemon.http.SparqlSettings;
import io.triplestore.daemon.jmx.EmbeddedJolokia;
import io.triplestore.daemon.jmx.MBeanRegistrations;
import io.triplestore.daemon.jmx.RemoteJmx;
import io.triplestore.daemon.jmx.StoreMXBean;
import io.triplestore.daemon.jmx.StoreManagement;
import io.triplestore.daemon.systemd.SystemdNotifier;
import io.triplestore.snapshots.jmx.SnapshotRegistryJmx;
import io.triplestore.store.TripleStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The running daemon: the store, its MBeans, the HTTP API, Jolokia and remote JMX. Starts them in
 * dependency order and stops them in reverse: first nothing new is accepted and requests in flight
 * finish, then every lease is released (reason {@code CLOSED}) and the store closes.
 */
public final class Daemon implements AutoCloseable {

  private static final Logger LOG = LogManager.getLogger(Daemon.class);

  private final SystemdNotifier notifier;
  /** What to stop, most recently started first. */
  private final Deque<Started> started = new ArrayDeque<>();

  private Daemon(SystemdNotifier notifier) {
    this.notifier = notifier;
  }

  /** Something started, with a name for the logs of its stop. */
  private record Started(String name, Stop stop) {}

  /** How to stop one thing. */
  @FunctionalInterface
  private interface Stop {
    void run() throws Exception;
  }

  /**
   * Starts everything; on failure stops what had started and rethrows.
   *
   * @param home the distribution's directory (for {@code conf/}), if known
   */
  public static Daemon start(Configuration config, Optional<Path> home, SystemdNotifier notifier) throws Exception {
    Daemon daemon = new Daemon(notifier);
    try {
      daemon.startAll(config, home);
    } catch (Exception | Error e) {
      daemon.close();
      throw e;
    }
    return daemon;
  }

  private void startAll(Configuration config, Optional<Path> home) throws Exception {
    TripleStore store = StoreOpener.open(config);
    track("store", store::close);
    LOG.info("store open at {}: {} triples", store.directory().toAbsolutePath(), store.size());

    MBeanRegistrations mbeans = new MBeanRegistrations();
    track("MBeans", mbeans::close);
    mbeans.register(new StoreManagement(store), StoreMXBean.OBJECT_NAME);
    mbeans.adopt(SnapshotRegistryJmx.register(store.registry(), ManagementFactory.getPlatformMBeanServer()));

    ApiServer http = ApiServer.start(store, HttpSettings.from(config), SparqlSettings.from(config));
    track("HTTP API", http::close);
    String httpAddress = http.address().getHostString() + ":" + http.address().getPort();
    LOG.info("HTTP API listening on http://{}/", httpAddress);

    String jolokiaAddress = "off";
    if (config.bool(ConfigKey.JOLOKIA_ENABLED)) {
      EmbeddedJolokia jolokia = EmbeddedJolokia.start(config, home);
      track("Jolokia", jolokia::close);
      jolokiaAddress = jolokia.url();
    }
    String jmxAddress = "off";
    Optional<RemoteJmx> jmx = RemoteJmx.startIfConfigured(config);
    if (jmx.isPresent()) {
      track("remote JMX", jmx.get()::close);
      jmxAddress = jmx.get().url().toString();
    }
    String summary = "http=http://" + httpAddress + "/ jolokia=" + jolokiaAddress + " jmx=" + jmxAddress;
    LOG.info("triplestored ready: {}", summary);
    notifier.ready("serving " + summary);
  }

  private void track(String name, Stop stop) {
    started.push(new Started(name, stop));
  }

  /** Stops everything in reverse start order; each step's failure is logged and the rest go on. */
  @Override
  public void close() {
    if (started.isEmpty()) {
      return;
    }
    notifier.stopping("stopping");
    LOG.info("stopping triplestored");
    long begin = System.nanoTime();
    while (!started.isEmpty()) {
      Started next = started.pop();
      try {
        next.stop().run();
        LOG.debug("{} stopped", next.name());
      } catch (Exception | Error e) {
        LOG.error("stopping {} failed", next.name(), e);
      }
    }
    LOG.info("triplestored stopped in {} ms", (System.nanoTime() - begin) / 1_000_000);
  }
}
