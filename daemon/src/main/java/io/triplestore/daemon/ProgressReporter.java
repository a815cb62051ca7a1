package io.triplestore.daemon;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows an import's progress: on a terminal a bar redrawn in place four times a second, otherwise
 * (a pipe, a log) one plain line every five seconds. Progress is bytes read of the file; the
 * triple count is what the store has committed.
 */
final class ProgressReporter implements AutoCloseable {

  private static final int BAR_WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final long totalBytes;
  private final LongSupplier bytesRead;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  private volatile long committed;
  private boolean finished;

  private ProgressReporter(PrintStream out, boolean terminal, long totalBytes, LongSupplier bytesRead) {
    this.out = out;
    this.terminal = terminal;
    this.totalBytes = totalBytes;
    this.bytesRead = bytesRead;
    this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "import-progress");
      thread.setDaemon(true);
      return thread;
    });
  }

  static ProgressReporter start(PrintStream out, boolean terminal, long totalBytes, LongSupplier bytesRead) {
    ProgressReporter reporter = new ProgressReporter(out, terminal, totalBytes, bytesRead);
    long period = terminal ? 250 : 5000;
    reporter.timer.scheduleAtFixedRate(reporter::report, period, period, TimeUnit.MILLISECONDS);
    return reporter;
  }

  /**
   * The store committed (and flushed) a batch; {@code triples} read so far. Without a terminal
   * each batch is also one line, so a log or a script knows exactly what is on disk.
   */
  void committed(long triples) {
    committed = triples;
    if (!terminal) {
      report();
    }
  }

  /** Stops reporting; on a terminal, ends the bar's line. */
  synchronized void finish() {
    if (finished) {
      return;
    }
    finished = true;
    timer.shutdownNow();
    if (terminal) {
      out.print("\r" + line(true) + System.lineSeparator());
    }
  }

  private synchronized void report() {
    if (finished) {
      return;
    }
    out.print(terminal ? "\r" + line(false) : line(false) + System.lineSeparator());
    out.flush();
  }

  /** E.g. {@code [=========>          ]  33%  1200000 triples committed  400000 triples/s}. */
  String line(boolean done) {
    double fraction = done ? 1 : totalBytes == 0 ? 0 : Math.min(1, (double) bytesRead.getAsLong() / totalBytes);
    double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
    String text = String.format("%3.0f%%  %d triples committed  %.0f triples/s", fraction * 100, committed,
        committed / seconds);
    if (!terminal) {
      return "import progress: " + text;
    }
    int filled = (int) Math.round(fraction * BAR_WIDTH);
    StringBuilder bar = new StringBuilder("[");
    for (int i = 0; i < BAR_WIDTH; i++) {
      bar.append(i < filled - 1 || (done && i < filled) ? '=' : i == filled - 1 ? '>' : ' ');
    }
    return bar.append("] ").append(text).toString();
  }

  @Override
  public void close() {
    finish();
  }
}
