package io.triplestore.daemon.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;

/**
 * The formats {@code triplestored import} reads: by {@code --format NAME}, or else by the file's
 * extension as Rio knows it ({@code .nt}, {@code .nq}, {@code .ttl}, {@code .trig}, {@code .rdf},
 * {@code .jsonld}, ...), each also gzip-compressed with a final {@code .gz}.
 */
public final class ImportFormats {

  private static final Map<String, RDFFormat> BY_NAME = byName();
  /** The names {@code --format} takes, for help and error messages. */
  public static final String NAMES = String.join(", ", BY_NAME.keySet());

  private ImportFormats() {}

  private static Map<String, RDFFormat> byName() {
    Map<String, RDFFormat> names = new LinkedHashMap<>();
    names.put("ntriples", RDFFormat.NTRIPLES);
    names.put("nquads", RDFFormat.NQUADS);
    names.put("turtle", RDFFormat.TURTLE);
    names.put("trig", RDFFormat.TRIG);
    names.put("rdfxml", RDFFormat.RDFXML);
    names.put("jsonld", RDFFormat.JSONLD);
    return names;
  }

  /**
   * The format named {@code name} (case does not matter).
   *
   * @throws ConfigException naming the known names
   */
  public static RDFFormat byName(String name) {
    RDFFormat format = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
    if (format == null) {
      throw new ConfigException("invalid command line: unknown --format '" + name + "'; expected one of " + NAMES);
    }
    return format;
  }

  /** The format of a file by its extension, a final {@code .gz} set aside; empty when it is none we read. */
  public static Optional<RDFFormat> byFileName(String fileName) {
    String name = isGzip(fileName) ? fileName.substring(0, fileName.length() - ".gz".length()) : fileName;
    return Rio.getParserFormatForFileName(name).filter(BY_NAME::containsValue);
  }

  /** Whether the file is gzip-compressed, by its name. */
  public static boolean isGzip(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".gz");
  }
}
