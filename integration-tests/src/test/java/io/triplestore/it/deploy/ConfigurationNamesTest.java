package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployment files name the daemon's configuration exactly: {@code systemd/triplestored.env}
 * lists every key of the daemon's {@code ConfigKey} with its default, and no file sets a
 * {@code TRIPLESTORE_*} variable the daemon does not know (it would only log "ignoring").
 *
 * <p>{@code ConfigKey} is read reflectively, from the class path or else from the daemon module's
 * build output, so this module needs no compile dependency on the daemon; the tests are skipped,
 * saying so, where the daemon has not been built.
 */
class ConfigurationNamesTest {

  private static final String CONFIG_KEY = "io.triplestore.daemon.config.ConfigKey";
  private static final Pattern ENV_ASSIGNMENT = Pattern.compile("(?m)^#?(TRIPLESTORE_[A-Z0-9_]+)=(.*)$");
  private static final Pattern VARIABLE = Pattern.compile("\\b(TRIPLESTORE_[A-Z0-9_]+)=");

  /** Environment variable name to default, in the daemon's order. */
  private static Map<String, String> defaultsByVariable;
  /** Key (as in files and flags) to default. */
  private static Map<String, String> keyDefaults;

  @BeforeAll
  static void readConfigKeys() throws ReflectiveOperationException, IOException {
    Class<?> keys = configKeyClass();
    if (keys == null) {
      return;
    }
    defaultsByVariable = new LinkedHashMap<>();
    keyDefaults = new LinkedHashMap<>();
    for (Object key : keys.getEnumConstants()) {
      String defaultValue = (String) keys.getMethod("defaultValue").invoke(key);
      defaultsByVariable.put((String) keys.getMethod("envName").invoke(key), defaultValue);
      keyDefaults.put((String) keys.getMethod("key").invoke(key), defaultValue);
    }
  }

  @BeforeEach
  void requireConfigKeys() {
    assumeTrue(defaultsByVariable != null, "skipped: " + CONFIG_KEY + " is neither on the class path nor"
        + " built in daemon/target/classes");
  }

  /** From the class path, else from the daemon module's build output; null when neither has it. */
  private static Class<?> configKeyClass() throws IOException {
    try {
      return Class.forName(CONFIG_KEY);
    } catch (ClassNotFoundException notOnClassPath) {
      Path daemonClasses = RepositoryFiles.root().resolve("daemon/target/classes");
      Path snapshotClasses = RepositoryFiles.root().resolve("snapshots/target/classes");
      if (!Files.isDirectory(daemonClasses) || !Files.isDirectory(snapshotClasses)) {
        return null;
      }
      // Never closed: the class must stay usable for the whole test class.
      URLClassLoader loader = new URLClassLoader(
          new URL[] {daemonClasses.toUri().toURL(), snapshotClasses.toUri().toURL()},
          ConfigurationNamesTest.class.getClassLoader());
      try {
        return Class.forName(CONFIG_KEY, true, loader);
      } catch (ClassNotFoundException notBuilt) {
        return null;
      }
    }
  }

  @Test
  void environmentFileListsEveryKeyCommentedOutWithItsDefault() throws IOException {
    Map<String, String> listed = assignments(Files.readString(RepositoryFiles.file("systemd/triplestored.env")));

    assertThat(listed.keySet()).containsAll(defaultsByVariable.keySet());
    defaultsByVariable.forEach((variable, defaultValue) -> {
      if (variable.equals("TRIPLESTORE_DATA_DIR")) {
        assertThat(listed.get(variable)).as("the unit's data dir, shown in the env file").isEqualTo("/var/lib/triplestored");
      } else {
        assertThat(listed.get(variable)).as(variable).isEqualTo(defaultValue);
      }
    });
  }

  @Test
  void unitEnvironmentFileAndImageSetOnlyVariablesTheDaemonKnows() throws IOException {
    for (String file : List.of("systemd/triplestored.service", "systemd/triplestored.env", "Dockerfile",
        "daemon/src/main/java/io/triplestore/daemon/HealthCheck.java", "docs/OPERATIONS.md")) {
      Set<String> unknown = new TreeSet<>(variables(Files.readString(RepositoryFiles.file(file))));
      unknown.removeAll(defaultsByVariable.keySet());
      assertThat(unknown).as("TRIPLESTORE_* variables in %s that are no configuration key", file).isEmpty();
    }
  }

  @Test
  void operationsGuideTablesEveryKeyWithItsDefault() throws IOException {
    String guide = Files.readString(RepositoryFiles.file("docs/OPERATIONS.md"));

    keyDefaults.forEach((key, defaultValue) -> {
      String shown = defaultValue.isEmpty() ? "unset" : "`" + defaultValue + "`";
      assertThat(guide).as("the configuration table row of " + key)
          .containsPattern("(?m)^\\| `" + Pattern.quote(key) + "`[^|]*\\| " + Pattern.quote(shown) + "( \\(off\\))? \\|");
    });
  }

  @Test
  void unitPutsTheDataIntoItsStateDirectory() throws IOException {
    String unit = Files.readString(RepositoryFiles.file("systemd/triplestored.service"));

    assertThat(unit).contains("\nStateDirectory=triplestored\n").contains("\nEnvironment=TRIPLESTORE_DATA_DIR=%S/triplestored\n");
  }

  private static Map<String, String> assignments(String text) {
    Map<String, String> assignments = new LinkedHashMap<>();
    Matcher matcher = ENV_ASSIGNMENT.matcher(text);
    while (matcher.find()) {
      assertThat(assignments.put(matcher.group(1), matcher.group(2))).as("listed twice: " + matcher.group(1)).isNull();
    }
    return assignments;
  }

  private static Set<String> variables(String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = VARIABLE.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    // Variables read rather than set, e.g. ${TRIPLESTORE_JOLOKIA_HOST:-...} or getenv("...").
    Matcher read = Pattern.compile("(TRIPLESTORE_[A-Z0-9_]+)(?=:-|\\}|\")").matcher(text);
    while (read.find()) {
      names.add(read.group(1));
    }
    return names;
  }
}
