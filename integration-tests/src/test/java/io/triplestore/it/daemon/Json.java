package io.triplestore.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** JSON replies, checked for their status. */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> body(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as("%s", response.body()).isEqualTo(status);
    return MAPPER.readValue(response.body(), Map.class);
  }

  static long id(HttpResponse<String> created) throws Exception {
    return ((Number) body(created, 201).get("id")).longValue();
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
