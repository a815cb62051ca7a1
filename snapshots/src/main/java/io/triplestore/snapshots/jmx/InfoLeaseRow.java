package io.triplestore.snapshots.jmx;

import io.triplestore.snapshots.LeaseInfo;
import java.util.stream.Collectors;

/** A {@link LeaseRow} read from a {@link LeaseInfo}. */
final class InfoLeaseRow implements LeaseRow {

  private final LeaseInfo info;

  InfoLeaseRow(LeaseInfo info) {
    this.info = info;
  }

  @Override
  public long getId() {
    return info.id();
  }

  @Override
  public String getOwner() {
    return info.ownerLabel();
  }

  @Override
  public String getDescription() {
    return info.description();
  }

  @Override
  public String getOwnerThread() {
    return info.ownerThread();
  }

  @Override
  public String getCreatedAt() {
    return info.createdAt().toString();
  }

  @Override
  public long getAgeMillis() {
    return info.age().toMillis();
  }

  @Override
  public long getTtlMillis() {
    return info.ttl().toMillis();
  }

  @Override
  public long getRemainingMillis() {
    return info.remaining().toMillis();
  }

  @Override
  public boolean isWarned() {
    return info.warned();
  }

  @Override
  public boolean isExpired() {
    return info.expired();
  }

  @Override
  public boolean isOwnerDown() {
    return info.ownerDown();
  }

  @Override
  public String getCreationStack() {
    return info.creationStack().stream().map(frame -> "at " + frame).collect(Collectors.joining("\n"));
  }
}
