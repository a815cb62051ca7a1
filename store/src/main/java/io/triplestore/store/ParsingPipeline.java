package io.triplestore.store;

import java.io.InputStream;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.RDFParserRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one reader of RDF input, for adds and removes, atomic and bulk: parses any format Rio
 * reads on a thread of its own while the caller writes, so parsing and writing overlap. N-Triples
 * and N-Quads go through {@link LineInput} (exact lines and columns, bad lines skippable); Turtle,
 * TriG, RDF/XML and JSON-LD through {@link DocumentInput} (Rio's streaming parser). Quads travel
 * in chunks through a bounded queue, so memory stays bounded however large the input.
 * Skipped-line reports travel through the same queue: the caller's callbacks run on the caller's
 * thread, in input order. A parse error is rethrown on the caller's thread; a failure of the
 * caller stops the parser.
 *
 * <p>Concurrency: one pipeline serves one read. The parser thread owns the pending chunk; the two
 * threads share only the queue and the volatile {@code cancelled} and {@code parseFailure}.
 */
final class ParsingPipeline {

  private static final int CHUNK = 1024;
  /**
   * A chunk also ends at this many bytes of terms, so that the queue stays small in bytes
   * when terms are large (up to {@link InputLimits#maxTermBytes()} each), not only in triples.
   */
  private static final int CHUNK_BYTES = 64 * 1024;
  /** About one bulk batch of triples: the parser keeps going while the writer commits a batch. */
  private static final int QUEUED_CHUNKS = 128;
  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
  private volatile boolean cancelled;
  private volatile Throwable parseFailure;
  private final ImportOptions options;
  /** Reads the whole input into the consumer it is given; runs on the parser thread. */
  private final Consumer<Consumer<Quad>> input;
  /** Confined to the parser thread. */
  private List<Quad> pending = new ArrayList<>(CHUNK);
  /** Bytes of the terms in {@link #pending}; confined to the parser thread. */
  private long pendingBytes;
  /** Confined to the calling thread. */
  private long skipped;

  /**
   * A pipeline that reads {@code in} in {@code format}; nothing is read until {@link #run}.
   *
   * @throws IllegalArgumentException for a format Rio cannot read, or for skipping bad lines of
   *     a format that has no lines (Turtle, TriG, RDF/XML, JSON-LD): before anything is read, so
   *     that a caller can tell misuse from a failure of the input
   */
  static ParsingPipeline of(InputStream in, RDFFormat format, ImportOptions options) {
    return new ParsingPipeline(in, format, options);
  }

  /** Reads {@code in} at once; see {@link #of} and {@link #run(Consumer)}. */
  static long run(InputStream in, RDFFormat format, ImportOptions options, Consumer<Quad> sink) {
    return of(in, format, options).run(sink);
  }

  private ParsingPipeline(InputStream in, RDFFormat format, ImportOptions options) {
    this.options = options;
    this.input = input(in, format, options);
  }

  /**
   * Reads the input, handing each quad to {@code sink} on the calling thread; returns how many bad
   * lines were skipped.
   */
  long run(Consumer<Quad> sink) {
    return read(input, options, sink);
  }

  /** The reader for {@code format}, checked before a thread starts, so misuse fails at once. */
  private Consumer<Consumer<Quad>> input(InputStream in, RDFFormat format, ImportOptions options) {
    if (LineInput.isLineFormat(format)) {
      return sink -> new LineInput(format, relay(options)).read(in, sink);
    }
    if (RDFParserRegistry.getInstance().get(format).isEmpty()) {
      throw new IllegalArgumentException("cannot read " + format.getName() + ": no parser for it");
    }
    DocumentInput document = new DocumentInput(format, options);
    return sink -> document.read(in, sink);
  }

  private long read(Consumer<Consumer<Quad>> input, ImportOptions options, Consumer<Quad> sink) {
    Thread parser = new Thread(() -> parse(input), "triplestore-rdf-parser");
    parser.setDaemon(true);
    parser.start();
    boolean finished = false;
    try {
      for (Object item = take(); item != END; item = take()) {
        deliver(item, options, sink);
      }
      finished = true;
    } finally {
      if (!finished) {
        cancelled = true;
        queue.clear();
      }
      join(parser);
    }
    if (parseFailure instanceof RuntimeException failure) {
      throw failure;
    }
    if (parseFailure instanceof Error error) {
      throw error;
    }
    return skipped;
  }

  @SuppressWarnings("unchecked")
  private void deliver(Object item, ImportOptions options, Consumer<Quad> sink) {
    if (item instanceof SkippedLine line) {
      skipped++;
      options.skipped(line);
    } else {
      ((List<Quad>) item).forEach(sink);
    }
  }

  /**
   * The options the line reader runs with on the parser thread: a skipped line goes through the
   * queue, after the quads before it, so the caller hears of it in input order.
   */
  private ImportOptions relay(ImportOptions options) {
    ImportOptions.Builder relay = ImportOptions.builder().limits(options.limits());
    if (options.skipsBadLines()) {
      relay.skipBadLines(line -> {
        flush();
        put(line);
      });
    }
    return relay.build();
  }

  private void parse(Consumer<Consumer<Quad>> input) {
    try {
      input.accept(quad -> {
        pending.add(quad);
        pendingBytes += InputLimits.utf8Bytes(quad.subject()) + InputLimits.utf8Bytes(quad.predicate())
            + InputLimits.utf8Bytes(quad.object()) + (quad.graph() == null ? 0 : InputLimits.utf8Bytes(quad.graph()));
        if (pending.size() == CHUNK || pendingBytes >= CHUNK_BYTES) {
          flush();
        }
      });
      flush();
    } catch (Cancelled e) {
      return;
    } catch (RuntimeException | Error e) {
      parseFailure = e;
      // The triples before the bad line still count: a bulk load commits them, an import drops them.
      try {
        flush();
      } catch (Cancelled cancelled) {
        return;
      }
    }
    try {
      put(END);
    } catch (Cancelled e) {
      // The caller has stopped reading; nobody waits for the end.
    }
  }

  private void flush() {
    if (!pending.isEmpty()) {
      put(pending);
      pending = new ArrayList<>(CHUNK);
      pendingBytes = 0;
    }
  }

  /** Waits for room, giving up once the caller has stopped reading. */
  private void put(Object item) {
    try {
      while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new Cancelled();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while reading RDF input", e);
    }
  }

  private static void join(Thread parser) {
    try {
      parser.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Unwinds the parser thread once the caller has given up. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super(null, null, false, false);
    }
  }
}
