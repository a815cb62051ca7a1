package io.triplestore.agent;

import io.triplestore.agent.bridge.SnapshotBridge;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;
import java.lang.reflect.Method;

/**
 * Calls into the host's rocksdb objects without compiling against rocksdbjni: public methods found
 * by name, once per class, and invoked through method handles. Calls that could re-enter the
 * instrumented methods run muted ({@link SnapshotBridge#agentCall}), so the agent never reports its
 * own calls.
 *
 * <p>Any missing method is an {@link UnexpectedShapeException} naming it.
 *
 * <p>{@code getNativeHandle()}, read twice per snapshot on the host's thread, goes through one
 * constant call site: the JIT inlines its current target, a test of the receiver's class and the
 * getter, for the first {@value #INLINED_CLASSES} classes seen (the database's and the snapshot's).
 * A method handle held in a field would be invoked out of line, with a cast, on every call.
 *
 * <p>Concurrency: the lookups are {@link ClassValue}s; the call site's target only grows by one
 * class test at a time, every target is correct, and a class that loses a race to be added stays
 * on the (correct, slower) general path.
 */
final class RocksAccess {

  private static final int INLINED_CLASSES = 4;
  private static final ClassValue<MethodHandle> NATIVE_HANDLE = lookup("getNativeHandle", MethodType.methodType(long.class));
  private static final MethodType HANDLE_OF_OBJECT = MethodType.methodType(long.class, Object.class);
  private static final MethodHandle GENERAL_NATIVE_HANDLE;
  private static final MethodHandle IS_CLASS;
  private static final MutableCallSite NATIVE_HANDLE_SITE = new MutableCallSite(HANDLE_OF_OBJECT);
  private static final MethodHandle NATIVE_HANDLE_INVOKER = NATIVE_HANDLE_SITE.dynamicInvoker();
  private static int inlinedClasses;

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      GENERAL_NATIVE_HANDLE = lookup.findStatic(RocksAccess.class, "generalNativeHandle", HANDLE_OF_OBJECT);
      IS_CLASS = lookup.findStatic(RocksAccess.class, "isClass",
          MethodType.methodType(boolean.class, Class.class, Object.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
    NATIVE_HANDLE_SITE.setTarget(GENERAL_NATIVE_HANDLE);
  }

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
      return (long) NATIVE_HANDLE_INVOKER.invokeExact(rocksObject);
    } catch (UnexpectedShapeException e) {
      throw e;
    } catch (Throwable t) {
      throw new UnexpectedShapeException(rocksObject.getClass().getName() + ".getNativeHandle() failed", t);
    }
  }

  /** The call site's last resort: any class; adds a fast path for the first few classes it sees. */
  private static long generalNativeHandle(Object rocksObject) throws Throwable {
    MethodHandle getter = NATIVE_HANDLE.get(rocksObject.getClass());
    inline(rocksObject.getClass(), getter);
    return (long) getter.invokeExact(rocksObject);
  }

  private static synchronized void inline(Class<?> type, MethodHandle getter) {
    if (inlinedClasses >= INLINED_CLASSES) {
      return;
    }
    inlinedClasses++;
    MethodHandle test = IS_CLASS.bindTo(type);
    NATIVE_HANDLE_SITE.setTarget(MethodHandles.guardWithTest(test, getter, NATIVE_HANDLE_SITE.getTarget()));
  }

  private static boolean isClass(Class<?> type, Object object) {
    return object.getClass() == type;
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
