package io.triplestore.daemon.logging;

import io.triplestore.snapshots.HumanDuration;
import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.SnapshotRegistry;
import java.time.Duration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Logs what an operator must know about leases: expiry warnings, and every release that was not
 * the holder's own (expired, owner gone, forced, closed), each with owner and age. Manual releases
 * and creations are routine and logged at debug only.
 */
public final class LeaseEventLogger implements SnapshotListener {

  private static final Logger LOG = LogManager.getLogger("io.triplestore.leases");

  @Override
  public void onCreated(SnapshotLease lease) {
    LOG.debug("lease {} created for {} (ttl {})", lease.id(), lease.ownerLabel(), format(lease.ttl()));
  }

  @Override
  public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
    LOG.warn("lease {} of {} expires in {} (age {}, ttl {})", lease.id(), lease.ownerLabel(), format(remaining),
        format(lease.age()), format(lease.ttl()));
  }

  @Override
  public void onReleased(SnapshotLease lease, ReleaseReason reason) {
    Level level = reason == ReleaseReason.MANUAL ? Level.DEBUG : reason == ReleaseReason.CLOSED ? Level.INFO : Level.WARN;
    LOG.log(level, "lease {} of {} released: {} (age {}, ttl {})", lease.id(), lease.ownerLabel(), reason,
        format(lease.age()), format(lease.ttl()));
  }

  @Override
  public void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {
    LeaseInfo info = lease.info();
    LOG.warn("lease {} of {} is due for release ({}) but stays held (age {})", info.id(), info.ownerLabel(), reason,
        format(info.age()));
  }

  @Override
  public void onRegistryClosed(SnapshotRegistry registry) {
    LOG.info("snapshot registry '{}' closed", registry.name());
  }

  /** {@code 2m 07s}, {@code 59.1s}: read by people in the journal; JFR events carry the exact figures. */
  private static String format(Duration duration) {
    return HumanDuration.format(duration);
  }
}
