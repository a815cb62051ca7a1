package io.triplestore.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.rdf4j.rio.RDFFormat;

/**
 * Reads N-Triples or N-Quads with several parser threads: a splitter thread cuts the input into
 * chunks of lines, the parser threads parse chunks concurrently ({@link LineChunkParser}), and the
 * caller receives the quads chunk by chunk, in input order, on its own thread. Parsing is what a
 * bulk load spends most of its CPU on, which is why it is spread over the cores.
 *
 * <p>Memory is bounded: at most {@link #IN_FLIGHT} chunks (each at most {@link #CHUNK_LINES} lines
 * or about {@link #CHUNK_CHARS} characters) are read ahead. The first error in input order (a
 * syntax error naming its line, a term or line over the limits, invalid UTF-8, a failing stream)
 * is thrown on the caller's thread once every chunk before it has been delivered; the caller's own
 * failure stops the splitter and the parsers.
 *
 * <p>Concurrency: one read per instance. The splitter and the parser threads hand chunks over
 * through {@link CompletableFuture}s in a bounded queue, which orders the caller's reads after the
 * parser's writes; each parser thread has a {@link LineChunkParser} of its own.
 */
final class ParallelLineReader {

  static final int CHUNK_LINES = 2048;
  static final int CHUNK_CHARS = 1 << 20;
  private static final int IN_FLIGHT = 16;
  private static final CompletableFuture<List<Quad>> END = CompletableFuture.completedFuture(null);

  private final RDFFormat format;
  private final InputLimits limits;
  private final int parserThreads;
  private final BlockingQueue<CompletableFuture<List<Quad>>> chunks = new ArrayBlockingQueue<>(IN_FLIGHT);
  private volatile boolean cancelled;

  ParallelLineReader(RDFFormat format, InputLimits limits, int parserThreads) {
    if (!LineChunkParser.reads(format)) {
      throw new IllegalArgumentException("not a line-based format: " + format.getName());
    }
    this.format = format;
    this.limits = limits;
    this.parserThreads = parserThreads;
  }

  /** Reads {@code in} (UTF-8) to the end, handing each chunk's quads to {@code sink} in input order. */
  void read(InputStream in, Consumer<List<Quad>> sink) {
    ExecutorService parsers = Executors.newFixedThreadPool(parserThreads, daemon("triplestore-bulk-parser"));
    ThreadLocal<LineChunkParser> parser = ThreadLocal.withInitial(() -> new LineChunkParser(format, limits));
    Thread splitter = daemon("triplestore-bulk-splitter").newThread(() -> split(in, parsers, parser));
    splitter.start();
    boolean finished = false;
    try {
      for (CompletableFuture<List<Quad>> chunk = take(); chunk != END; chunk = take()) {
        sink.accept(join(chunk));
      }
      finished = true;
    } finally {
      if (!finished) {
        cancelled = true;
        chunks.clear();
      }
      parsers.shutdownNow();
      joinThread(splitter);
    }
  }

  private void split(InputStream in, ExecutorService parsers, ThreadLocal<LineChunkParser> parser) {
    BufferedReader reader = new BufferedReader(new InputStreamReader(limits.limitLines(in), StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    List<String> lines = new ArrayList<>(CHUNK_LINES);
    long lineNumber = 0;
    long chars = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
        lineNumber++;
        chars += line.length();
        if (lines.size() == CHUNK_LINES || chars >= CHUNK_CHARS) {
          submit(lineNumber - lines.size() + 1, lines, parsers, parser);
          lines = new ArrayList<>(CHUNK_LINES);
          chars = 0;
        }
      }
      if (!lines.isEmpty()) {
        submit(lineNumber - lines.size() + 1, lines, parsers, parser);
      }
      put(END);
    } catch (CharacterCodingException e) {
      fail(new LineChunkParser(format, limits).syntaxError(lineNumber + 1, -1, "the input is not valid UTF-8", e));
    } catch (IOException e) {
      fail(new UncheckedIOException("reading the " + format.getName() + " input failed near line " + (lineNumber + 1)
          + ": " + e.getMessage(), e));
    } catch (RuntimeException | Error e) {
      // An input limit from limitLines, or anything else: the caller must hear of it, not hang.
      fail(e);
    }
  }

  private void submit(long firstLine, List<String> lines, ExecutorService parsers, ThreadLocal<LineChunkParser> parser) {
    put(CompletableFuture.supplyAsync(() -> parser.get().parse(firstLine, lines), parsers));
  }

  private void fail(Throwable failure) {
    try {
      put(CompletableFuture.failedFuture(failure));
    } catch (Cancelled e) {
      // The caller has stopped reading; nobody waits for the failure.
    }
  }

  /** Waits for room, giving up once the caller has stopped reading. */
  private void put(CompletableFuture<List<Quad>> chunk) {
    try {
      while (!chunks.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
        if (cancelled) {
          throw new Cancelled();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancelled();
    }
  }

  private CompletableFuture<List<Quad>> take() {
    try {
      return chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while reading " + format.getName(), e);
    }
  }

  private static List<Quad> join(CompletableFuture<List<Quad>> chunk) {
    try {
      return chunk.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static void joinThread(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Unwinds the splitter once the caller has given up. */
  private static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super(null, null, false, false);
    }
  }
}
