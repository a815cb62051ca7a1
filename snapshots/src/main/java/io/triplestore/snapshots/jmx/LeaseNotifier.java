package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.ReleaseReason;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotListener;
import io.triplestore.snapshots.SnapshotRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.CompositeDataSupport;
import javax.management.openmbean.CompositeType;
import javax.management.openmbean.OpenDataException;
import javax.management.openmbean.OpenType;
import javax.management.openmbean.SimpleType;

/**
 * Turns a registry's warnings, non-manual releases and due releases into JMX notifications, and
 * unregisters the MBean when the registry closes.
 *
 * <p>Notifications are sent on the thread that caused the event (usually the registry's
 * maintenance thread). Remote clients are served from the connector's notification buffer, so
 * they never hold that thread up; an in-process listener should return quickly.
 */
final class LeaseNotifier extends NotificationBroadcasterSupport implements SnapshotListener {

  private static final String[] ITEMS =
      {"leaseId", "owner", "ownerThread", "reason", "ageMillis", "ttlMillis", "remainingMillis"};
  static final CompositeType USER_DATA_TYPE = userDataType();

  private final ObjectName source;
  private final Runnable onRegistryClosed;
  private final AtomicLong sequence = new AtomicLong();

  LeaseNotifier(ObjectName source, Runnable onRegistryClosed) {
    super(new MBeanNotificationInfo(
            new String[] {SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION},
            Notification.class.getName(),
            "A lease reached the warning fraction of its time-to-live and will expire unless renewed"),
        new MBeanNotificationInfo(
            new String[] {SnapshotRegistryMXBean.RELEASED_NOTIFICATION},
            Notification.class.getName(),
            "A lease was released for a reason other than MANUAL: EXPIRED, OWNER_DOWN, FORCED or CLOSED"),
        new MBeanNotificationInfo(
            new String[] {SnapshotRegistryMXBean.RELEASE_DUE_NOTIFICATION},
            Notification.class.getName(),
            "A report-only registry found a lease expired or its owner gone; the snapshot is still held"));
    this.source = source;
    this.onRegistryClosed = onRegistryClosed;
  }

  @Override
  public void onExpiryWarning(SnapshotLease lease, Duration remaining) {
    send(SnapshotRegistryMXBean.EXPIRY_WARNING_NOTIFICATION,
        "snapshot lease " + lease.id() + " of " + lease.ownerLabel() + " expires in "
            + remaining.toMillis() + " ms unless renewed",
        lease, "", remaining);
  }

  @Override
  public void onReleased(SnapshotLease lease, ReleaseReason reason) {
    if (reason != ReleaseReason.MANUAL) {
      send(SnapshotRegistryMXBean.RELEASED_NOTIFICATION,
          "snapshot lease " + lease.id() + " of " + lease.ownerLabel() + " released: " + reason,
          lease, reason.name(), Duration.ZERO);
    }
  }

  @Override
  public void onReleaseDue(SnapshotLease lease, ReleaseReason reason) {
    send(SnapshotRegistryMXBean.RELEASE_DUE_NOTIFICATION,
        "snapshot lease " + lease.id() + " of " + lease.ownerLabel() + " is due for release (" + reason
            + ") but the registry only reports: it is still held",
        lease, reason.name(), lease.info().remaining());
  }

  @Override
  public void onRegistryClosed(SnapshotRegistry registry) {
    onRegistryClosed.run();
  }

  private void send(String type, String message, SnapshotLease lease, String reason, Duration remaining) {
    Notification notification = new Notification(type, source, sequence.incrementAndGet(), message);
    notification.setUserData(userData(lease, reason, remaining));
    sendNotification(notification);
  }

  private static CompositeData userData(SnapshotLease lease, String reason, Duration remaining) {
    try {
      return new CompositeDataSupport(USER_DATA_TYPE, ITEMS, new Object[] {
          lease.id(), lease.ownerLabel(), lease.ownerThreadName(), reason,
          lease.age().toMillis(), lease.ttl().toMillis(), remaining.toMillis()});
    } catch (OpenDataException e) {
      throw new IllegalStateException("lease notification data does not match its own type", e);
    }
  }

  private static CompositeType userDataType() {
    try {
      return new CompositeType(
          "io.triplestore.snapshots.LeaseNotification", "A lease in a registry notification", ITEMS,
          new String[] {"Lease id", "Owner label", "Thread that created the lease",
              "Release reason; empty for an expiry warning", "Age in milliseconds",
              "Time-to-live in milliseconds", "Time to the deadline in milliseconds; 0 once released"},
          new OpenType<?>[] {SimpleType.LONG, SimpleType.STRING, SimpleType.STRING, SimpleType.STRING,
              SimpleType.LONG, SimpleType.LONG, SimpleType.LONG});
    } catch (OpenDataException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
