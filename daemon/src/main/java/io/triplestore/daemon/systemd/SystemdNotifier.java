package io.triplestore.daemon.systemd;

import java.util.Map;

/**
 * Tells systemd about the service's state ({@code Type=notify}): {@code READY=1} once everything
 * listens, {@code STOPPING=1} when a stop begins. A no-op when {@code $NOTIFY_SOCKET} is absent,
 * so the daemon runs the same under a shell, a test or systemd.
 */
public interface SystemdNotifier {

  /** The variable systemd sets for {@code Type=notify} services. */
  String NOTIFY_SOCKET = "NOTIFY_SOCKET";

  /** Sends {@code READY=1} with a status line. */
  void ready(String status);

  /** Sends {@code STOPPING=1} with a status line. */
  void stopping(String status);

  /** Whether messages go anywhere. */
  boolean isEnabled();

  /** A notifier for {@code environment}'s {@code NOTIFY_SOCKET}, or a no-op one without it. */
  static SystemdNotifier fromEnvironment(Map<String, String> environment) {
    String socket = environment.get(NOTIFY_SOCKET);
    return socket == null || socket.isBlank() ? NoOp.INSTANCE : new DatagramNotifier(socket);
  }

  /** Does nothing: not started by systemd. */
  enum NoOp implements SystemdNotifier {
    INSTANCE;

    @Override
    public void ready(String status) {}

    @Override
    public void stopping(String status) {}

    @Override
    public boolean isEnabled() {
      return false;
    }
  }
}
