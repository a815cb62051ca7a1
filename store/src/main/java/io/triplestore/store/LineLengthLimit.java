package io.triplestore.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through and counts those since the last line break ({@code \n} or {@code \r}):
 * once a line grows past the limit, reading fails with {@link InputLimitException}, so a reader
 * downstream never buffers more than one limit's worth of a line, however long the input's line.
 *
 * <p>Concurrency: none; read by one thread, like the stream it wraps.
 */
final class LineLengthLimit extends FilterInputStream {

  private final int maxLineBytes;
  private long lineBytes;
  private long line = 1;

  LineLengthLimit(InputStream in, int maxLineBytes) {
    super(in);
    this.maxLineBytes = maxLineBytes;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Through read, so that skipped bytes count too.
    byte[] scratch = new byte[(int) Math.min(n, 8192)];
    long skipped = 0;
    while (skipped < n) {
      int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(byte b) {
    if (b == '\n') {
      line++;
      lineBytes = 0;
    } else if (b == '\r') {
      lineBytes = 0;
    } else if (++lineBytes > maxLineBytes) {
      throw new InputLimitException(InputLimitException.Limit.LINE, maxLineBytes, line,
          "the line is longer than " + maxLineBytes + " bytes, the most one line may have");
    }
  }
}
