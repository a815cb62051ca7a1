package io.triplestore.snapshots.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.Event;

/**
 * Every concrete JFR event class in the production package, found by listing the compiled classes:
 * a new event class is picked up without anyone remembering to add it to a list.
 */
final class EventClasses {

  private EventClasses() {}

  static List<Class<? extends Event>> all() {
    String packageName = SnapshotJfrEvents.class.getPackageName();
    URL url = SnapshotJfrEvents.class.getResource(SnapshotJfrEvents.class.getSimpleName() + ".class");
    try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
      return files.map(file -> file.getFileName().toString())
          .filter(file -> file.endsWith(".class") && !file.contains("$"))
          .map(file -> load(packageName + "." + file.substring(0, file.length() - ".class".length())))
          .filter(Event.class::isAssignableFrom)
          .filter(type -> !Modifier.isAbstract(type.getModifiers()))
          .map(type -> type.asSubclass(Event.class))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code @Name} of an event class. */
  static String nameOf(Class<? extends Event> type) {
    return jdk.jfr.EventType.getEventType(type).getName();
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, EventClasses.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
