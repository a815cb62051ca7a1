package io.triplestore.store;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * How an N-Triples import treats bad lines, and whom it tells about progress.
 *
 * <p>By default a malformed line fails the import. With {@link Builder#skipBadLines} each
 * malformed line is reported to the callback and left out, and the rest is imported. Every import
 * is bounded by {@link InputLimits}.
 */
public final class ImportOptions {

  private static final ImportOptions STRICT = builder().build();

  private final Consumer<SkippedLine> skippedLines;
  private final LongConsumer progress;
  private final InputLimits limits;

  private ImportOptions(Builder builder) {
    this.skippedLines = builder.skippedLines;
    this.progress = builder.progress;
    this.limits = builder.limits;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A malformed line fails the import; no progress reports. */
  public static ImportOptions strict() {
    return STRICT;
  }

  /** Malformed lines are left out, each reported to {@code onSkipped}. */
  public static ImportOptions skipBadLines(Consumer<SkippedLine> onSkipped) {
    return builder().skipBadLines(onSkipped).build();
  }

  public boolean skipsBadLines() {
    return skippedLines != null;
  }

  /** The most bytes of one line and one term; {@link InputLimits#DEFAULT} unless set. */
  public InputLimits limits() {
    return limits;
  }

  void skipped(SkippedLine line) {
    skippedLines.accept(line);
  }

  void progress(long committedTriples) {
    progress.accept(committedTriples);
  }

  /** Builds {@link ImportOptions}. */
  public static final class Builder {
    private Consumer<SkippedLine> skippedLines;
    private LongConsumer progress = committed -> { };
    private InputLimits limits = InputLimits.DEFAULT;

    private Builder() {}

    /** Leave malformed lines out and report each to {@code onSkipped}, instead of failing. */
    public Builder skipBadLines(Consumer<SkippedLine> onSkipped) {
      this.skippedLines = Objects.requireNonNull(onSkipped, "onSkipped");
      return this;
    }

    /**
     * Told the number of triples read so far after each committed batch of a bulk load (an
     * atomic import commits once, at the end).
     */
    public Builder progress(LongConsumer onCommitted) {
      this.progress = Objects.requireNonNull(onCommitted, "onCommitted");
      return this;
    }

    /**
     * The most bytes of one line and one term. A line over the limit fails the read as it streams
     * in; a term over it fails the read too, or, when bad lines are skipped, is skipped with its line.
     */
    public Builder limits(InputLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public ImportOptions build() {
      return new ImportOptions(this);
    }
  }
}
