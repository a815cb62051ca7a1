package io.triplestore.daemon.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sends to a real AF_UNIX datagram socket, bound here the way systemd binds NOTIFY_SOCKET. */
class SystemdNotifierTest {

  @TempDir
  Path dir;

  @Test
  void withoutNotifySocketNothingIsSent() {
    SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of());
    assertThat(notifier.isEnabled()).isFalse();
    notifier.ready("up");
    notifier.stopping("down");
  }

  @Test
  void readyAndStoppingArriveAsDatagramsOnAFileSocket() {
    String path = dir.resolve("notify.sock").toString();
    try (Receiver receiver = Receiver.bind(path)) {
      SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", path));
      assertThat(notifier.isEnabled()).isTrue();

      notifier.ready("serving http=127.0.0.1:8080");
      notifier.stopping("stopping");

      List<String> messages = receiver.awaitMessages(2);
      assertThat(messages.get(0)).startsWith("READY=1\n").contains("STATUS=serving http=127.0.0.1:8080")
          .contains("MAINPID=" + ProcessHandle.current().pid());
      assertThat(messages.get(1)).startsWith("STOPPING=1\n").contains("STATUS=stopping");
    }
  }

  @Test
  void abstractSocketNamesStartWithAnAt() {
    String name = "@triplestored-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    try (Receiver receiver = Receiver.bind(name)) {
      SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", name)).ready("up");
      assertThat(receiver.awaitMessages(1).get(0)).startsWith("READY=1");
    }
  }

  @Test
  void aSocketNobodyListensOnIsLoggedNotThrown() {
    SystemdNotifier notifier = SystemdNotifier.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("gone").toString()));
    notifier.ready("up");
    assertThatIllegalArgumentException().isThrownBy(() -> UnixDatagram.send("@", "READY=1"));
  }

  /** The receiving end: what systemd does with NOTIFY_SOCKET, through the same libc calls. */
  static final class Receiver implements AutoCloseable {
    private final int fd;
    private final List<String> received = new ArrayList<>();

    private Receiver(int fd) {
      this.fd = fd;
    }

    static Receiver bind(String path) {
      UnixDatagram.LibC libc = UnixDatagram.libc();
      int fd = libc.socket(UnixDatagram.AF_UNIX, UnixDatagram.SOCK_DGRAM | UnixDatagram.SOCK_CLOEXEC, 0);
      byte[] address = UnixDatagram.address(path);
      libc.bind(fd, address, address.length);
      return new Receiver(fd);
    }

    List<String> awaitMessages(int count) {
      await().atMost(Duration.ofSeconds(5)).until(() -> {
        poll();
        return received.size() >= count;
      });
      return received;
    }

    private void poll() {
      byte[] buffer = new byte[4096];
      try {
        long length = UnixDatagram.libc().recv(fd, buffer, new NativeLong(buffer.length), UnixDatagram.MSG_DONTWAIT)
            .longValue();
        received.add(new String(buffer, 0, (int) length, StandardCharsets.UTF_8));
      } catch (LastErrorException e) {
        // EAGAIN: nothing yet
      }
    }

    @Override
    public void close() {
      UnixDatagram.libc().close(fd);
    }
  }
}
