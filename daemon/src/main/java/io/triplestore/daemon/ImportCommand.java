package io.triplestore.daemon;

import io.triplestore.daemon.config.ConfigException;
import io.triplestore.daemon.config.ConfigKey;
import io.triplestore.daemon.config.Configuration;
import io.triplestore.daemon.config.ImportFormats;
import io.triplestore.store.BulkLoadException;
import io.triplestore.store.ImportOptions;
import io.triplestore.store.ImportResult;
import io.triplestore.store.TripleStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * {@code triplestored import <file> [--format NAME]}: loads a file in any RDF format the store
 * reads ({@link ImportFormats}: by name, or by the file's extension; {@code .gz} is decompressed)
 * into a data directory that no daemon is serving, through the store's bulk path (committed
 * batches, write-ahead log off, one flush at the end), showing progress and ending with the count
 * and the rate.
 */
final class ImportCommand {

  private final Configuration config;
  private final PrintStream out;

  ImportCommand(Configuration config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** Runs the import, in {@code format} if given, else by the file's extension; returns the process exit code. */
  int run(Path file, Optional<String> format) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      out.println("triplestored import: cannot read '" + file + "': expected a readable RDF file");
      return 2;
    }
    RDFFormat rdfFormat;
    try {
      rdfFormat = format(file, format);
    } catch (ConfigException e) {
      out.println("triplestored import: " + e.getMessage());
      return 2;
    }
    String fileName = file.getFileName().toString();
    long size = Files.size(file);
    long start = System.nanoTime();
    try (TripleStore store = StoreOpener.open(config);
        CountingInputStream counted = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        // Progress counts the bytes of the file as it is on disk, compressed or not.
        InputStream in = ImportFormats.isGzip(fileName) ? new GZIPInputStream(counted, 1 << 16) : counted;
        ProgressReporter progress = ProgressReporter.start(out, System.console() != null, size, counted::count)) {
      out.println("importing " + file + " (" + size + " bytes, " + rdfFormat.getName() + ") into "
          + config.path(ConfigKey.DATA_DIR).toAbsolutePath());
      ImportResult result;
      try {
        result = store.bulkLoad(in, rdfFormat, ImportOptions.builder().progress(progress::committed)
            .limits(config.inputLimits()).build());
      } catch (BulkLoadException e) {
        progress.finish();
        out.println("import failed: " + e.getMessage());
        out.println(e.committedTriples() + " triples were committed before the failure and stay in the store");
        return 1;
      }
      progress.finish();
      double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
      out.printf("imported %d triples (%d new, %d already present) in %.1f s: %.0f triples/s; the store holds %d%n",
          result.triplesRead(), result.added(), result.noOps(), seconds, result.triplesRead() / seconds, store.size());
      return 0;
    }
  }

  /** The format named by {@code --format}, else the one of the file's extension. */
  static RDFFormat format(Path file, Optional<String> name) {
    if (name.isPresent()) {
      return ImportFormats.byName(name.get());
    }
    return ImportFormats.byFileName(file.getFileName().toString()).orElseThrow(() -> new ConfigException(
        "cannot tell the format of '" + file.getFileName() + "' from its extension (.nt, .nq, .ttl, .trig, .rdf,"
            + " .jsonld, each also .gz); give it with --format NAME, NAME one of " + ImportFormats.NAMES));
  }

  /** Counts the bytes read, for the progress of a file of known size. */
  static final class CountingInputStream extends java.io.FilterInputStream {
    private volatile long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
