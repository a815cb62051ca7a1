package io.triplestore.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container's HEALTHCHECK program ({@code io.triplestore.daemon.HealthCheck}, in the daemon's
 * jar), run as its own JVM against a stand-in {@code /health}. The container tests run it the way
 * the image does, from the archive's {@code lib/}.
 */
class HealthCheckTest {

  private final AtomicInteger healthStatus = new AtomicInteger(200);
  private HttpServer server;

  @BeforeEach
  void startHealthEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", exchange -> {
      byte[] body = ("{\"status\":\"" + (healthStatus.get() == 200 ? "UP" : "DOWN") + "\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(healthStatus.get(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
  }

  @AfterEach
  void stopHealthEndpoint() {
    server.stop(0);
  }

  @Test
  void healthyWhenHealthAnswers200OnLoopbackWhileBoundToTheWildcard() {
    ProcessRun run = healthCheck(env -> {
      env.put("TRIPLESTORE_HTTP_HOST", "0.0.0.0");
      env.put("TRIPLESTORE_HTTP_PORT", Integer.toString(port()));
    });

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.stdout()).isEqualTo("healthy: {\"status\":\"UP\"}\n");
  }

  @Test
  void unhealthyNamingTheStatusWhenHealthAnswers503() {
    healthStatus.set(503);

    ProcessRun run = healthCheck(env -> env.put("TRIPLESTORE_HTTP_PORT", Integer.toString(port())));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stdout()).startsWith("unhealthy: http://127.0.0.1:" + port() + "/health answered 503");
  }

  @Test
  void unhealthyWhenNothingListens() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    ProcessRun run = healthCheck(env -> env.put("TRIPLESTORE_HTTP_PORT", Integer.toString(closedPort)));

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.stdout()).startsWith("unhealthy: http://127.0.0.1:" + closedPort + "/health: java.net.ConnectException");
  }

  @Test
  void refusesAPortItCannotCheckWithOneClearLine() {
    ProcessRun zero = healthCheck(env -> env.put("TRIPLESTORE_HTTP_PORT", "0"));
    ProcessRun text = healthCheck(env -> env.put("TRIPLESTORE_HTTP_PORT", "http"));

    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.stdout()).isEqualTo("unhealthy: TRIPLESTORE_HTTP_PORT=0 cannot be checked;"
        + " give the container a fixed port from 1 to 65535\n");
    assertThat(text.exitCode()).isEqualTo(1);
    assertThat(text.stdout()).isEqualTo("unhealthy: TRIPLESTORE_HTTP_PORT is not a port number: http\n");
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static ProcessRun healthCheck(Consumer<Map<String, String>> environment) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return ProcessRun.run(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx16m",
        "-cp", System.getProperty("java.class.path"), "io.triplestore.daemon.HealthCheck"), environment);
  }
}
