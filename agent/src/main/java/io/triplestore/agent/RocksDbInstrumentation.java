package io.triplestore.agent;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperClass;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.triplestore.agent.bridge.SnapshotBridge;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs {@link RocksDbAdvice} into the host's rocksdb classes, matched by name under the
 * configured package (so a fork such as {@code org.forstdb} is tracked the same way). Classes
 * already loaded are retransformed (dynamic attach); no class changes shape: advice only, no new
 * fields or methods. A class whose shape is not the expected one is left alone and reported once.
 */
final class RocksDbInstrumentation {

  private RocksDbInstrumentation() {}

  static void install(Instrumentation instrumentation, String packagePrefix, ShapeCheck shape, SnapshotReporter reporter) {
    String rocksDb = packagePrefix + ".RocksDB";
    ElementMatcher.Junction<MethodDescription> instanceMethod = not(isStatic()).and(not(isAbstract()));
    ElementMatcher.Junction<MethodDescription> closeMethod =
        instanceMethod.and(named("close")).and(takesArguments(0));

    BridgeVisibility bridgeVisible = new BridgeVisibility(reporter);
    new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(new FailureListener(reporter))
        .ignore(not(nameStartsWith(packagePrefix + ".")))
        .type(named(rocksDb).or(hasSuperClass(named(rocksDb))).and(shape), bridgeVisible)
        .transform(advice(RocksDbAdvice.SnapshotTaken.class,
            instanceMethod.and(named("getSnapshot")).and(takesArguments(0))))
        .transform(advice(RocksDbAdvice.SnapshotReleasing.class,
            instanceMethod.and(named("releaseSnapshot")).and(takesArguments(1))))
        .transform(advice(RocksDbAdvice.DatabaseClosing.class,
            instanceMethod.and(namedOneOf("close", "closeE")).and(takesArguments(0))))
        .transform(advice(RocksDbAdvice.TransactionBegun.class,
            instanceMethod.and(named("beginTransaction")).and(not(returns(void.class)))))
        .type(named(packagePrefix + ".Transaction").and(shape), bridgeVisible)
        .transform(advice(RocksDbAdvice.TransactionSnapshotChanged.class, instanceMethod
            .and(namedOneOf("setSnapshot", "clearSnapshot", "commit", "rollback"))))
        .transform(advice(RocksDbAdvice.TransactionSnapshotOnNextOperation.class,
            instanceMethod.and(named("setSnapshotOnNextOperation"))))
        .transform(advice(RocksDbAdvice.TransactionSnapshotSeen.class,
            instanceMethod.and(named("getSnapshot")).and(takesArguments(0))))
        .transform(advice(RocksDbAdvice.NativeReferenceClosing.class, closeMethod))
        .transform(advice(RocksDbAdvice.TransactionOperated.class, instanceMethod.and(namedOneOf(
            "get", "getForUpdate", "multiGet", "multiGetAsList", "multiGetForUpdate", "multiGetForUpdateAsList",
            "getIterator", "put", "merge", "delete", "singleDelete", "putUntracked", "mergeUntracked",
            "deleteUntracked", "singleDeleteUntracked", "prepare"))))
        .type(namedOneOf(packagePrefix + ".AbstractImmutableNativeReference", packagePrefix + ".Snapshot").and(shape),
            bridgeVisible)
        .transform(advice(RocksDbAdvice.NativeReferenceClosing.class, closeMethod))
        .installOn(instrumentation);
  }

  private static AgentBuilder.Transformer advice(Class<?> advice, ElementMatcher<? super MethodDescription> methods) {
    return (DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader, JavaModule module,
        java.security.ProtectionDomain domain) -> builder.visit(Advice.to(advice).on(methods));
  }

  /**
   * Only class loaders that resolve {@link SnapshotBridge} to the agent's own copy get advice; the
   * advice would otherwise fail (harmlessly, it is suppressed) on every call.
   */
  private static final class BridgeVisibility implements ElementMatcher<ClassLoader> {
    private final SnapshotReporter reporter;

    BridgeVisibility(SnapshotReporter reporter) {
      this.reporter = reporter;
    }

    @Override
    public boolean matches(ClassLoader loader) {
      try {
        if (Class.forName(SnapshotBridge.class.getName(), false, loader) == SnapshotBridge.class) {
          return true;
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // reported below
      }
      reporter.failure("class loader " + loader + " (it cannot see the agent's bridge; its rocksdb classes are not tracked)",
          new IllegalStateException("bridge not visible"));
      return false;
    }
  }

  /** Instrumentation failures are the agent's, never the host's: reported once, the class left as it was. */
  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    private final SnapshotReporter reporter;

    FailureListener(SnapshotReporter reporter) {
      this.reporter = reporter;
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
      reporter.failure("instrumenting " + typeName, throwable);
    }
  }
}
