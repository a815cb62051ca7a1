package io.triplestore.agent;

import io.triplestore.agent.bridge.SnapshotBridge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Checks, before any class is instrumented, that the host's rocksdb classes have the methods the
 * agent relies on. The first class that does not is reported once, tracking is switched off
 * ({@link SnapshotBridge#disable()}), and no further class is instrumented: the host runs as if
 * the agent were absent.
 */
final class ShapeCheck implements ElementMatcher<TypeDescription> {

  /** Per class name: the instance methods it must declare, as {@code name/parameterCount}. */
  private final Map<String, List<String>> required;
  private final AgentLog log;
  private final AtomicBoolean failed = new AtomicBoolean();

  ShapeCheck(String packagePrefix, AgentLog log) {
    this.required = Map.of(
        packagePrefix + ".RocksDB", List.of("getSnapshot/0", "releaseSnapshot/1", "close/0"),
        packagePrefix + ".Transaction", List.of("getSnapshot/0", "setSnapshot/0", "clearSnapshot/0"),
        packagePrefix + ".AbstractImmutableNativeReference", List.of("close/0"));
    this.log = log;
  }

  @Override
  public boolean matches(TypeDescription type) {
    if (failed.get()) {
      return false;
    }
    List<String> missing = missing(type);
    if (missing.isEmpty()) {
      return true;
    }
    if (failed.compareAndSet(false, true)) {
      SnapshotBridge.disable();
      log.line("UNEXPECTED SHAPE of the application's rocksdb: " + type.getName() + " has no " + String.join(", ", missing)
          + "; snapshot tracking is off and the application is left untouched");
    }
    return false;
  }

  /** Whether a class was found with an unexpected shape. */
  boolean failed() {
    return failed.get();
  }

  private List<String> missing(TypeDescription type) {
    List<String> expected = required.get(type.getName());
    List<String> missing = new ArrayList<>();
    if (expected == null) {
      return missing;
    }
    for (String method : expected) {
      String name = method.substring(0, method.indexOf('/'));
      int parameters = Integer.parseInt(method.substring(method.indexOf('/') + 1));
      boolean declared = false;
      for (MethodDescription.InDefinedShape m : type.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameters().size() == parameters && !m.isStatic()) {
          declared = true;
          break;
        }
      }
      if (!declared) {
        missing.add(name + "(" + (parameters == 0 ? "" : "...") + ")");
      }
    }
    return missing;
  }
}
