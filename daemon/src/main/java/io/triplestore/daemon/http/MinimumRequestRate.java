package io.triplestore.daemon.http;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * Cuts a request whose body arrives slower than a minimum rate (bytes per second, on average since
 * the request began, checked from the first second on, whenever the handler waits for more): its
 * next read fails with a {@link TimeoutException}, the API answers 408, and the thread that was
 * waiting on the body is free again. Without it, as many clients as there are request threads,
 * each sending a byte every few seconds, hold every thread and starve even {@code /health}; the
 * idle timeout alone does not help, since each byte resets it.
 *
 * <p>Jetty's own {@code MinimumDataRateHandler} (12.1) measures the bytes of all requests together,
 * so many slow clients at once pass its check; this one counts each request's own bytes.
 *
 * <p>Concurrency: the handler is immutable and shared; each request's wrapper is read and demanded
 * by one thread at a time, as Jetty's content contract requires, which orders its fields.
 */
final class MinimumRequestRate extends Handler.Wrapper {

  /** A body gets this long before its rate counts: a rate over a few milliseconds means nothing. */
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long bytesPerSecond;

  MinimumRequestRate(Handler next, long bytesPerSecond) {
    super(next);
    this.bytesPerSecond = bytesPerSecond;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    return super.handle(new RateCheckedRequest(request), response, callback);
  }

  /** The request, counting the body bytes it hands out and failing once they come too slowly. */
  private final class RateCheckedRequest extends Request.Wrapper {
    private final long beginNanos = NanoTime.now();
    private long bytesRead;
    private Content.Chunk tooSlow;

    RateCheckedRequest(Request request) {
      super(request);
    }

    @Override
    public Content.Chunk read() {
      if (tooSlow != null) {
        return tooSlow;
      }
      Content.Chunk chunk = super.read();
      if (chunk != null) {
        bytesRead += chunk.remaining();
      }
      return chunk;
    }

    @Override
    public void demand(Runnable onContent) {
      long elapsed = NanoTime.since(beginNanos);
      if (tooSlow == null && elapsed >= GRACE_NANOS && bytesRead * 1_000_000_000L / elapsed < bytesPerSecond) {
        tooSlow = Content.Chunk.from(new TimeoutException("the request body came at "
            + bytesRead * 1_000_000_000L / elapsed + " bytes/s, below the " + bytesPerSecond
            + " of http.min-request-data-rate"), true);
      }
      if (tooSlow != null) {
        onContent.run(); // the next read returns the failure
        return;
      }
      super.demand(onContent);
    }
  }
}
