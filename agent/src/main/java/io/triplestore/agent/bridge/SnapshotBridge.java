package io.triplestore.agent.bridge;

/**
 * The only agent class that host classes call. Advice inlined into rocksdb classes calls these
 * static methods; they forward to the {@link SnapshotHooks} the agent installed, and do nothing
 * when none is installed (the agent disabled itself) or when the agent itself is calling rocksdb.
 *
 * <p>It is resolved through the system class loader, where the JVM puts the agent jar, from
 * whichever loader loaded rocksdbjni. It stays tiny, is not relocated, and depends on nothing but
 * {@code java.base}.
 *
 * <p>Concurrency: called from any host thread. The hooks are one volatile reference, set once
 * (or cleared when the agent disables itself). Whether a thread is inside the agent's own call is
 * thread-local; a global count of such calls lets every other call skip that lookup, and a thread
 * always sees its own increment, so it never misses its own mark.
 */
public final class SnapshotBridge {

  private static volatile SnapshotHooks hooks;

  /** Set while the agent calls rocksdb itself, so its own calls are not reported back to it. */
  private static final ThreadLocal<Boolean> AGENT_CALL = new ThreadLocal<>();

  /**
   * How many threads are inside {@link #agentCall} now: almost always 0, and then the host's calls
   * skip the thread-local lookup. A thread inside an agent call sees its own increment.
   */
  private static final java.util.concurrent.atomic.AtomicInteger AGENT_CALLS = new java.util.concurrent.atomic.AtomicInteger();

  private SnapshotBridge() {}

  /**
   * Installs {@code installed} unless hooks are already installed.
   *
   * @return whether this call installed them
   */
  public static synchronized boolean install(SnapshotHooks installed) {
    if (hooks != null) {
      return false;
    }
    hooks = installed;
    return true;
  }

  /** Removes the hooks: every advice becomes a no-op. */
  public static void disable() {
    hooks = null;
  }

  /** Whether hooks are installed (the agent is active in this JVM). */
  public static boolean isActive() {
    return hooks != null;
  }

  /** Runs {@code call} with the bridge muted on this thread (the agent calling rocksdb itself). */
  public static <T> T agentCall(java.util.function.Supplier<T> call) {
    Boolean outer = AGENT_CALL.get();
    AGENT_CALL.set(Boolean.TRUE);
    AGENT_CALLS.incrementAndGet();
    try {
      return call.get();
    } finally {
      AGENT_CALLS.decrementAndGet();
      if (outer == null) {
        AGENT_CALL.remove();
      }
    }
  }

  private static SnapshotHooks active() {
    SnapshotHooks current = hooks;
    return current == null || (AGENT_CALLS.get() != 0 && AGENT_CALL.get() != null) ? null : current;
  }

  public static void snapshotTaken(Object db, Object snapshot) {
    try {
      SnapshotHooks h = active();
      if (h != null && snapshot != null) {
        h.snapshotTaken(db, snapshot);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  /** Whether to skip the host's native release (the agent already released this snapshot). */
  public static boolean snapshotReleasing(Object db, Object snapshot) {
    try {
      SnapshotHooks h = active();
      return h != null && snapshot != null && h.snapshotReleasing(db, snapshot);
    } catch (Throwable ignored) {
      // Never into host code; when in doubt, let the host's call run as written.
      return false;
    }
  }

  public static void databaseClosing(Object db) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.databaseClosing(db);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void nativeReferenceClosing(Object reference) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.nativeReferenceClosing(reference);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void transactionBegun(Object db, Object transaction) {
    try {
      SnapshotHooks h = active();
      if (h != null && transaction != null) {
        h.transactionBegun(db, transaction);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void transactionSnapshotChanged(Object transaction) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.transactionSnapshotChanged(transaction);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void transactionSnapshotSeen(Object transaction, Object snapshot) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.transactionSnapshotSeen(transaction, snapshot);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void transactionOperated(Object transaction) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.transactionOperated(transaction);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }

  public static void transactionSnapshotOnNextOperation(Object transaction) {
    try {
      SnapshotHooks h = active();
      if (h != null) {
        h.transactionSnapshotOnNextOperation(transaction);
      }
    } catch (Throwable ignored) {
      // Never into host code.
    }
  }
}
