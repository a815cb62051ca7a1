package io.triplestore.agent;

import io.triplestore.agent.bridge.SnapshotBridge;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

/**
 * Calls into the host's rocksdb objects without compiling against rocksdbjni: public methods found
 * by name, once per class, and invoked through method handles. Calls that could re-enter the
 * instrumented methods run muted ({@link SnapshotBridge#agentCall}), so the agent never reports its
 * own calls.
 *
 * <p>Any missing method is an {@link UnexpectedShapeException} naming it.
 */
final class RocksAccess {

  private final ClassValue<MethodHandle> nativeHandle = lookup("getNativeHandle", MethodType.methodType(long.class));
  private final ClassValue<MethodHandle> owningHandle = lookup("isOwningHandle", MethodType.methodType(boolean.class));
  private final ClassValue<MethodHandle> name = lookup("getName", MethodType.methodType(String.class));
  private final ClassValue<MethodHandle> longProperty =
      lookup("getLongProperty", MethodType.methodType(long.class, String.class));
  private final ClassValue<MethodHandle> transactionSnapshot = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      Method method = publicMethod(type, "getSnapshot", 0);
      return unreflect(method).asType(MethodType.methodType(Object.class, Object.class));
    }
  };
  private final ClassValue<MethodHandle> releaseSnapshot = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      Method method = publicMethod(type, "releaseSnapshot", 1);
      return unreflect(method).asType(MethodType.methodType(void.class, Object.class, Object.class));
    }
  };

  /** The native pointer behind a rocksdb object ({@code getNativeHandle()}). */
  long nativeHandle(Object rocksObject) {
    try {
      return (long) nativeHandle.get(rocksObject.getClass()).invokeExact(rocksObject);
    } catch (UnexpectedShapeException e) {
      throw e;
    } catch (Throwable t) {
      throw new UnexpectedShapeException(rocksObject.getClass().getName() + ".getNativeHandle() failed", t);
    }
  }

  /** Whether a native reference still owns its native object ({@code isOwningHandle()}); true if unknown. */
  boolean isOpen(Object rocksObject) {
    try {
      return (boolean) owningHandle.get(rocksObject.getClass()).invokeExact(rocksObject);
    } catch (Throwable t) {
      return true;
    }
  }

  /** The database's path ({@code getName()}), or a stand-in when this rocksdb has no such method. */
  String name(Object db) {
    try {
      return (String) name.get(db.getClass()).invokeExact(db);
    } catch (Throwable t) {
      return db.getClass().getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(db));
    }
  }

  /** {@code db.getLongProperty(property)}; the caller guarantees the database is open. */
  long longProperty(Object db, String property) throws Throwable {
    return (long) longProperty.get(db.getClass()).invokeExact(db, property);
  }

  /** {@code transaction.getSnapshot()}, muted; null when the transaction holds no snapshot. */
  Object transactionSnapshot(Object transaction) {
    MethodHandle getter = transactionSnapshot.get(transaction.getClass());
    return SnapshotBridge.agentCall(() -> invoke(getter, transaction));
  }

  /** {@code db.releaseSnapshot(snapshot)}, muted; the caller guarantees the database is open. */
  void releaseSnapshot(Object db, Object snapshot) {
    MethodHandle release = releaseSnapshot.get(db.getClass());
    SnapshotBridge.agentCall(() -> {
      try {
        release.invokeExact(db, snapshot);
        return null;
      } catch (Throwable t) {
        throw new IllegalStateException(db.getClass().getName() + ".releaseSnapshot failed: " + t, t);
      }
    });
  }

  private static Object invoke(MethodHandle getter, Object target) {
    try {
      return (Object) getter.invokeExact(target);
    } catch (Throwable t) {
      throw new UnexpectedShapeException(target.getClass().getName() + ".getSnapshot() failed", t);
    }
  }

  private static ClassValue<MethodHandle> lookup(String method, MethodType type) {
    return new ClassValue<>() {
      @Override
      protected MethodHandle computeValue(Class<?> owner) {
        try {
          MethodHandle handle = MethodHandles.publicLookup().findVirtual(owner, method, type);
          return handle.asType(type.insertParameterTypes(0, Object.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
          throw new UnexpectedShapeException(owner.getName() + " has no public " + method + type, e);
        }
      }
    };
  }

  private static Method publicMethod(Class<?> owner, String method, int parameters) {
    for (Method candidate : owner.getMethods()) {
      if (candidate.getName().equals(method) && candidate.getParameterCount() == parameters
          && !java.lang.reflect.Modifier.isStatic(candidate.getModifiers())) {
        return candidate;
      }
    }
    throw new UnexpectedShapeException(owner.getName() + " has no public " + method + " with " + parameters + " parameter(s)");
  }

  private static MethodHandle unreflect(Method method) {
    try {
      return MethodHandles.publicLookup().unreflect(method);
    } catch (IllegalAccessException e) {
      throw new UnexpectedShapeException(method + " is not accessible", e);
    }
  }
}
