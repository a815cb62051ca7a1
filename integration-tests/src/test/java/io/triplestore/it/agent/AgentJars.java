package io.triplestore.it.agent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The jars the agent tests run with, as the build passes them (see integration-tests/pom.xml). */
final class AgentJars {

  private AgentJars() {}

  /** The shipped agent jar. */
  static Path agent() {
    return existing("triplestore.agent.jar");
  }

  /** The rocksdbjni jar of the build (11.x). */
  static Path rocksDb() {
    return existing("triplestore.rocksdbjni.jar");
  }

  /** The older rocksdbjni line (10.x). */
  static Path previousRocksDb() {
    return existing("triplestore.rocksdbjni.previous.jar");
  }

  static Path testClasses() {
    try {
      return Paths.get(AgentJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JVM arguments that load the agent with {@code options}. */
  static List<String> javaagent(String options) {
    List<String> args = new ArrayList<>();
    args.add("-javaagent:" + agent() + (options.isEmpty() ? "" : "=" + options));
    return args;
  }

  private static Path existing(String property) {
    String value = System.getProperty(property);
    if (value == null) {
      throw new IllegalStateException("system property " + property + " is not set: run the tests through Maven");
    }
    Path path = Paths.get(value);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(property + " = " + path + " does not exist: build the agent first");
    }
    return path;
  }
}
