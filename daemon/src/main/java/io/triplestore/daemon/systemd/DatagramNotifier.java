package io.triplestore.daemon.systemd;

import java.lang.System.Logger.Level;

/**
 * Sends sd_notify messages as datagrams to {@code $NOTIFY_SOCKET}, the protocol of
 * {@code sd_notify(3)}. Failures are logged, never thrown: a missed notification must not stop
 * the daemon (systemd then times the start out, which names the problem).
 */
final class DatagramNotifier implements SystemdNotifier {

  private static final System.Logger LOG = System.getLogger(DatagramNotifier.class.getName());

  private final String socket;

  DatagramNotifier(String socket) {
    this.socket = socket;
  }

  @Override
  public void ready(String status) {
    send("READY=1\nSTATUS=" + status + "\nMAINPID=" + ProcessHandle.current().pid());
  }

  @Override
  public void stopping(String status) {
    send("STOPPING=1\nSTATUS=" + status);
  }

  @Override
  public boolean isEnabled() {
    return true;
  }

  private void send(String message) {
    try {
      UnixDatagram.send(socket, message);
      LOG.log(Level.DEBUG, "sd_notify to {0}: {1}", socket, message.replace('\n', ' '));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "cannot notify systemd at NOTIFY_SOCKET=" + socket + ": " + e);
    }
  }
}
