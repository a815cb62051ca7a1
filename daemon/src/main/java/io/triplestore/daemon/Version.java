package io.triplestore.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this build, as {@code triplestored --version} and {@code triplestorectl --version} print it. */
public final class Version {

  private Version() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; Maven writes it into {@code version.properties} at build time. */
  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
