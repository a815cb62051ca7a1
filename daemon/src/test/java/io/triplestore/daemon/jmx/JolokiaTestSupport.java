package io.triplestore.daemon.jmx;

import io.triplestore.daemon.config.Configuration;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The probe MBean and HTTP helpers the Jolokia tests share. */
abstract class JolokiaTestSupport {

  /** A stand-in for the daemon's MBeans, in their domain. */
  public interface ProbeMXBean {
    int getCalls();

    int touch();
  }

  static final class Probe implements ProbeMXBean {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public int getCalls() {
      return calls.get();
    }

    @Override
    public int touch() {
      return calls.incrementAndGet();
    }
  }

  static final ObjectName PROBE_NAME = name("io.triplestore:type=JolokiaProbe");
  static final Probe PROBE = new Probe();
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void registerProbe() throws Exception {
    ManagementFactory.getPlatformMBeanServer().registerMBean(PROBE, PROBE_NAME);
  }

  @AfterAll
  static void unregisterProbe() throws Exception {
    ManagementFactory.getPlatformMBeanServer().unregisterMBean(PROBE_NAME);
  }

  static Configuration config(Map<String, String> flags) {
    return Configuration.resolve(flags, Map.of(), Optional.empty());
  }

  static int status(EmbeddedJolokia jolokia, String path, String credentials) throws Exception {
    return send(jolokia, path, credentials).statusCode();
  }

  /** Jolokia's JSON reply; its "status" is Jolokia's verdict whatever the HTTP status. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> get(EmbeddedJolokia jolokia, String path, String credentials) throws Exception {
    HttpResponse<String> response = send(jolokia, path, credentials);
    return new com.fasterxml.jackson.databind.ObjectMapper().readValue(response.body(), Map.class);
  }

  static HttpResponse<String> send(EmbeddedJolokia jolokia, String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jolokia.url() + path));
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static ObjectName name(String name) {
    try {
      return new ObjectName(name);
    } catch (javax.management.MalformedObjectNameException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
