package io.triplestore.daemon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The container's HEALTHCHECK: {@code GET /health} on the daemon's HTTP port; exit 0 on a 200,
 * 1 otherwise, with one line saying why (Docker keeps it in {@code docker inspect}).
 *
 * <p>Nothing promises curl in the JRE base image; this class ships in the daemon's jar, so the
 * image needs nothing but the JRE and the distribution, and no build stage with a JDK. It uses
 * nothing but the JDK, so its JVM starts small ({@code -Xmx16m}) even with the whole
 * {@code lib/} on its class path. It reads the same variables as the daemon: {@code
 * TRIPLESTORE_HTTP_PORT} (default 8080) and {@code TRIPLESTORE_HTTP_HOST}, where a wildcard
 * (0.0.0.0, ::) means "ask loopback".
 */
public final class HealthCheck {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private HealthCheck() {}

  public static void main(String[] args) {
    int exitCode;
    try {
      exitCode = check(System.getenv());
    } catch (IllegalArgumentException e) {
      System.out.println("unhealthy: " + e.getMessage());
      exitCode = 1;
    }
    System.exit(exitCode);
  }

  static int check(Map<String, String> env) {
    URI uri = healthUri(env);
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        System.out.println("healthy: " + response.body());
        return 0;
      }
      System.out.println("unhealthy: " + uri + " answered " + response.statusCode() + " " + response.body());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.out.println("unhealthy: interrupted while asking " + uri);
      return 1;
    } catch (java.io.IOException e) {
      System.out.println("unhealthy: " + uri + ": " + e);
      return 1;
    }
  }

  static URI healthUri(Map<String, String> env) {
    String portText = env.getOrDefault("TRIPLESTORE_HTTP_PORT", "8080").trim();
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TRIPLESTORE_HTTP_PORT is not a port number: " + portText);
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException(
          "TRIPLESTORE_HTTP_PORT=" + portText + " cannot be checked; give the container a fixed port from 1 to 65535");
    }
    return URI.create("http://" + hostToAsk(env.getOrDefault("TRIPLESTORE_HTTP_HOST", "")) + ":" + port + "/health");
  }

  private static String hostToAsk(String boundHost) {
    String host = boundHost.trim();
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      return "127.0.0.1";
    }
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
