package io.triplestore.daemon.jmx;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Failed logins as WARN lines that name the channel, the user tried and the remote address, at
 * most one line per address and {@link #WINDOW}: a password-guessing client must not flood the
 * journal. The next line for an address says how many failures were left out since the last one.
 *
 * <p>Concurrency: called from Jolokia's and RMI's request threads at once. Each address's window
 * is replaced atomically with {@link ConcurrentHashMap#compute}; the line itself is written
 * outside it. At most {@link #MAX_ADDRESSES} windows are kept; past that the map is cleared,
 * which at worst logs one extra line per address.
 */
public final class FailedLoginLog {

  /** One line per address per this long. */
  public static final Duration WINDOW = Duration.ofMinutes(1);
  static final int MAX_ADDRESSES = 10_000;

  private final String channel;
  private final LongSupplier nanoTime;
  private final Consumer<String> sink;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * One address's current window: when it opened, how many failures it left out so far, and
   * whether the failure that made it is to be logged, with how many the window before left out.
   */
  private record Window(long openedNanos, int suppressed, boolean logNow, int leftOutBefore) {}

  /**
   * @param channel what was logged into, as the line names it ({@code Jolokia}, {@code remote JMX})
   * @param nanoTime the clock ({@code System::nanoTime}; a fake one in tests)
   * @param sink where a line goes (the WARN logger)
   */
  public FailedLoginLog(String channel, LongSupplier nanoTime, Consumer<String> sink) {
    this.channel = channel;
    this.nanoTime = nanoTime;
    this.sink = sink;
  }

  /** The claimed user name, as sent by whoever failed to log in: no line breaks into the log, 64 characters at most. */
  private static String printable(String user) {
    String cut = user.length() > 64 ? user.substring(0, 61) + "..." : user;
    return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  /** Records one failed login of {@code user} (null when none was given) from {@code address}. */
  public void failed(String user, String address) {
    if (windows.size() >= MAX_ADDRESSES) {
      windows.clear();
    }
    long now = nanoTime.getAsLong();
    Window window = windows.compute(address, (key, previous) -> {
      if (previous == null || now - previous.openedNanos() >= WINDOW.toNanos()) {
        return new Window(now, 0, true, previous == null ? 0 : previous.suppressed());
      }
      return new Window(previous.openedNanos(), previous.suppressed() + 1, false, 0);
    });
    if (window.logNow()) {
      sink.accept(channel + " login failed for " + (user == null ? "no user" : "user '" + printable(user) + "'")
          + " from " + address
          + (window.leftOutBefore() == 0 ? "" : " (and " + window.leftOutBefore() + " more from there before, not logged)")
          + " (at most one such line per address per minute)");
    }
  }
}
