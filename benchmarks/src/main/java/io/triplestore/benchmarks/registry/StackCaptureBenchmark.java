package io.triplestore.benchmarks.registry;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What recording a creation stack costs by itself, on a bare call with no registry: the floor
 * under {@code stack=all} ({@code snapshot.stack-capture=all}, and the agent's {@code stack=all}).
 * The registry records a stack as a {@code Throwable} whose trace is filled in at creation and
 * turned into {@code StackTraceElement}s only when someone looks ({@link #throwableFilledIn}); the
 * alternatives are materialising it at once ({@link #throwableMaterialised}) or walking with
 * {@link StackWalker} ({@link #stackWalkerAllFrames}, {@link #stackWalkerTop8Frames}).
 * {@code extraFrames} puts that many more frames under the capture, as a host application's call
 * stack would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class StackCaptureBenchmark {

  private static final StackWalker WALKER = StackWalker.getInstance();

  /** Like the registry's {@code CreationSite}: no suppression, a writable stack trace. */
  private static final class Site extends Throwable {
    private static final long serialVersionUID = 1L;

    Site() {
      super("site", null, false, true);
    }
  }

  @Param({"0", "40"})
  public int extraFrames;

  private static <T> T under(int frames, Supplier<T> capture) {
    return frames == 0 ? capture.get() : under(frames - 1, capture);
  }

  @Benchmark
  public Object bareCall() {
    return under(extraFrames, Object::new);
  }

  @Benchmark
  public Throwable throwableFilledIn() {
    return under(extraFrames, Site::new);
  }

  @Benchmark
  public StackTraceElement[] throwableMaterialised() {
    return under(extraFrames, () -> new Site().getStackTrace());
  }

  @Benchmark
  public List<StackWalker.StackFrame> stackWalkerAllFrames() {
    return under(extraFrames, () -> WALKER.walk(frames -> frames.collect(Collectors.toList())));
  }

  @Benchmark
  public List<StackWalker.StackFrame> stackWalkerTop8Frames() {
    return under(extraFrames, () -> WALKER.walk(frames -> frames.limit(8).collect(Collectors.toList())));
  }
}
