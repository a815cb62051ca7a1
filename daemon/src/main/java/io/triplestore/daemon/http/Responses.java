package io.triplestore.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Writes JSON replies: bodies are small maps, serialized whole by Jackson. */
final class Responses {

  static final String JSON = "application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Responses() {}

  static void json(Response response, Callback callback, int status, Object body) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a reply: " + e.getMessage(), e);
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.write(true, java.nio.ByteBuffer.wrap(bytes), callback);
  }

  static void error(Response response, Callback callback, ApiException error) {
    Object allow = error.body().get("allow");
    if (allow != null) {
      response.getHeaders().put(HttpHeader.ALLOW, allow.toString());
    }
    json(response, callback, error.status(), error.body());
  }

  static void noContent(Response response, Callback callback) {
    response.setStatus(204);
    response.write(true, null, callback);
  }

  /** A JSON object as an ordered map, built from key/value pairs. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
