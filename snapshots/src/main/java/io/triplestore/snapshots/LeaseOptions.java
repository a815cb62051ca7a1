package io.triplestore.snapshots;

import java.time.Duration;
import java.util.Objects;

/**
 * How one lease is created: its time-to-live, its owner, and a label for operators.
 *
 * <p>Owners: by default the creating thread (the lease is released with {@code OWNER_DOWN} once
 * that thread has terminated); or an object held weakly (released once it is garbage-collected);
 * or no owner at all, where only the TTL guards the lease (remote clients, known by a label).
 */
public final class LeaseOptions {

  static final LeaseOptions DEFAULTS = new Builder().build();

  /** Who owns a lease, and so what ends it besides its TTL. */
  public enum OwnerKind {
    /** The creating thread (or a given thread). */
    THREAD,
    /** An object, held weakly. */
    OBJECT,
    /** Nobody: the TTL is the only guard. */
    NONE
  }

  private final Duration ttl;
  private final String label;
  private final OwnerKind ownerKind;
  private final Object owner;
  private final String description;

  private LeaseOptions(Builder builder) {
    this.ttl = builder.ttl;
    this.label = builder.label;
    this.ownerKind = builder.ownerKind;
    this.owner = builder.owner;
    this.description = builder.description;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options with only a TTL; the creating thread owns the lease. */
  public static LeaseOptions ttl(Duration ttl) {
    return builder().ttl(ttl).build();
  }

  /** The TTL, or {@code null} for the registry's default. */
  public Duration ttl() {
    return ttl;
  }

  /** The label, or {@code null} to derive one from the owner. */
  public String label() {
    return label;
  }

  public OwnerKind ownerKind() {
    return ownerKind;
  }

  /** The owner thread or object, or {@code null} for the creating thread or for no owner. */
  public Object owner() {
    return owner;
  }

  /** What the holder does with the lease, for operators; empty when not given. */
  public String description() {
    return description;
  }

  /** Builds {@link LeaseOptions}. */
  public static final class Builder {
    private Duration ttl;
    private String label;
    private OwnerKind ownerKind = OwnerKind.THREAD;
    private Object owner;
    private String description = "";

    private Builder() {}

    /** The lease's time-to-live; must be positive and within the registry's maximum. */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("lease TTL must be positive: " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    /** A name for operators: who holds this lease and why. */
    public Builder label(String label) {
      this.label = Objects.requireNonNull(label, "label");
      return this;
    }

    /**
     * What the holder does with the lease, e.g. the text of the query that reads at it: shown to
     * operators beside the label, which stays short so that {@code forceReleaseOwner(label)}
     * still names a whole kind of holder.
     */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Owned by {@code thread}: released with {@code OWNER_DOWN} once it has terminated. */
    public Builder ownerThread(Thread thread) {
      this.ownerKind = OwnerKind.THREAD;
      this.owner = Objects.requireNonNull(thread, "thread");
      return this;
    }

    /** Owned by {@code owner}, held weakly: released with {@code OWNER_DOWN} once it is collected. */
    public Builder owner(Object owner) {
      Objects.requireNonNull(owner, "owner");
      if (owner instanceof Thread) {
        return ownerThread((Thread) owner);
      }
      this.ownerKind = OwnerKind.OBJECT;
      this.owner = owner;
      return this;
    }

    /** No owner: only the TTL (or an explicit release) ends the lease. For remote clients. */
    public Builder noOwner() {
      this.ownerKind = OwnerKind.NONE;
      this.owner = null;
      return this;
    }

    public LeaseOptions build() {
      return new LeaseOptions(this);
    }
  }
}
