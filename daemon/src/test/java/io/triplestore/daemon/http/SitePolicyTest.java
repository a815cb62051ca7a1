package io.triplestore.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SitePolicyTest {

  private final SitePolicy policy = new SitePolicy("10.0.0.5", List.of("store.internal", "fd00::7"),
      List.of("https://console.example:8443"), "http.allowed-origins");

  @Test
  void loopbackNamesTheBoundAddressAndConfiguredNamesAreAnsweredOnAnyPort() {
    for (String host : List.of("127.0.0.1:8080", "localhost:8080", "LocalHost", "[::1]:8080", "[::1]",
        "10.0.0.5:18080", "store.internal:443", "[fd00::7]:8080")) {
      assertThat(policy.refuseHost(host)).as(host).isEmpty();
    }
    assertThat(policy.refuseHost(null)).as("no Host header (HTTP/1.0)").isEmpty();
  }

  @Test
  void anyOtherNameIsRefusedNamingTheHeaderAndTheKey() {
    for (String host : List.of("evil.example:8080", "evil.example", "127.0.0.1.evil.example:8080",
        "localhost.evil.example", "[::2]:8080", "store.internal.evil.example", "")) {
      assertThat(policy.refuseHost(host)).as(host).hasValueSatisfying(
          message -> assertThat(message).contains("Host header '" + host + "'").contains("http.allowed-hosts"));
    }
    assertThat(policy.refuseHost("evil\r\nX: y")).hasValueSatisfying(m -> assertThat(m).contains("evil??X: y"));
  }

  @Test
  void theOwnOriginAndConfiguredOriginsMayCallAndNoOtherMay() {
    assertThat(policy.refuseOrigin(null, "127.0.0.1:8080")).as("no Origin: not a browser, or same-origin GET")
        .isEmpty();
    assertThat(policy.refuseOrigin("http://127.0.0.1:8080", "127.0.0.1:8080")).isEmpty();
    assertThat(policy.refuseOrigin("HTTP://LOCALHOST:8080", "localhost:8080")).isEmpty();
    assertThat(policy.refuseOrigin("https://console.example:8443", "127.0.0.1:8080")).isEmpty();
    for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:8081", "https://127.0.0.1:8080",
        "https://console.example", "http://console.example:8443")) {
      assertThat(policy.refuseOrigin(origin, "127.0.0.1:8080")).as(origin).hasValueSatisfying(
          message -> assertThat(message).contains("Origin '" + origin + "'").contains("http.allowed-origins"));
    }
    assertThat(policy.refuseOrigin("http://127.0.0.1:8080", null)).as("no Host to be the own origin of")
        .isPresent();
  }
}
