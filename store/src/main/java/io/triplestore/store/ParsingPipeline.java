package io.triplestore.store;

import java.io.InputStream;
import org.eclipse.rdf4j.rio.RDFFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Parses N-Triples on a thread of its own while the caller writes, so parsing and writing overlap.
 * Triples travel in chunks through a bounded queue, so memory stays bounded however large the
 * input. Skipped-line reports travel through the same queue: the caller's callbacks run on the
 * caller's thread, in input order. A parse error is rethrown on the caller's thread; a failure of
 * the caller stops the parser.
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
  /** Confined to the parser thread. */
  private List<Triple> pending = new ArrayList<>(CHUNK);
  /** Bytes of the terms in {@link #pending}; confined to the parser thread. */
  private long pendingBytes;
  /** Confined to the calling thread. */
  private long skipped;

  /** Reads {@code in}, handing each triple to {@code sink} on the calling thread. */
  static long run(InputStream in, RDFFormat format, ImportOptions options, Consumer<Quad> sink) {
    if (!format.equals(RDFFormat.NTRIPLES)) {
      throw new IllegalArgumentException("cannot read " + format.getName() + " yet: only N-Triples");
    }
    return new ParsingPipeline().read(in, options, triple -> sink.accept(Quad.inDefaultGraph(triple)));
  }

  private long read(InputStream in, ImportOptions options, Consumer<Triple> sink) {
    Thread parser = new Thread(() -> parse(in, options), "triplestore-ntriples-parser");
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
  private void deliver(Object item, ImportOptions options, Consumer<Triple> sink) {
    if (item instanceof SkippedLine line) {
      skipped++;
      options.skipped(line);
    } else {
      ((List<Triple>) item).forEach(sink);
    }
  }

  private void parse(InputStream in, ImportOptions options) {
    ImportOptions.Builder relay = ImportOptions.builder().limits(options.limits());
    if (options.skipsBadLines()) {
      relay.skipBadLines(line -> {
        flush();
        put(line);
      });
    }
    try {
      new NTriplesInput(relay.build()).read(in, triple -> {
        pending.add(triple);
        pendingBytes += InputLimits.utf8Bytes(triple.subject()) + InputLimits.utf8Bytes(triple.predicate())
            + InputLimits.utf8Bytes(triple.object());
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
      throw new StoreException("interrupted while reading N-Triples", e);
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
