package io.triplestore.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd readiness: READY=1 once everything listens, STOPPING=1 when SIGTERM arrives. */
class DaemonSystemdTest {

  @TempDir
  Path work;

  @Test
  void readyIsSentOnceTheListenersAreUpAndStoppingAtSigterm() throws Exception {
    try (NotifySocket systemd = NotifySocket.bind(work.resolve("notify.sock"));
        DaemonProcess daemon = DaemonProcess.start(work, List.of("--data.dir=" + work.resolve("data")),
            Map.of("NOTIFY_SOCKET", systemd.path()))) {
      await().atMost(Duration.ofSeconds(10)).until(() -> !systemd.messages().isEmpty());
      String ready = systemd.messages().get(0);
      assertThat(ready).startsWith("READY=1\n").contains("STATUS=serving http=http://127.0.0.1:")
          .contains(" jolokia=http://127.0.0.1:").containsPattern("MAINPID=\\d+");
      assertThat(daemon.send("GET", "/health", null).statusCode()).isEqualTo(200);

      daemon.terminate(Duration.ofSeconds(10));
      assertThat(systemd.messages()).hasSize(2);
      assertThat(systemd.messages().get(1)).startsWith("STOPPING=1\n");
    }
  }
}
