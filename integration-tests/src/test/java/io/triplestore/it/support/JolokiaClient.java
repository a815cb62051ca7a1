package io.triplestore.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Jolokia's JSON protocol over HTTP POST, as an operator's script or hawtio speaks it, with
 * optional basic authentication. Replies carry both the HTTP status and Jolokia's own
 * {@code status} field (Jolokia answers some refusals with HTTP 200 and an error status inside).
 */
public final class JolokiaClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code user} null sends no credentials; each request may take 30 s. */
  public JolokiaClient(URI base, String user, String password) {
    this(base, user, password, Duration.ofSeconds(30));
  }

  /** With a longer bound per request, for operations that read the whole store ({@code verify()}). */
  public JolokiaClient(URI base, String user, String password, Duration requestTimeout) {
    this.base = base;
    this.requestTimeout = requestTimeout;
    this.authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A Jolokia answer: the HTTP status, Jolokia's status, and the JSON (null when not JSON). */
  public record Reply(int httpStatus, int status, JsonNode json, String body, HttpHeaders headers) {
    public JsonNode value() {
      return json == null ? null : json.get("value");
    }

    /** Refused or failed, by HTTP or by Jolokia's own status. */
    public boolean failed() {
      return httpStatus != 200 || status != 200;
    }

    public String error() {
      return json == null || json.get("error") == null ? body : json.get("error").asText();
    }
  }

  public Reply exec(String mbean, String operation, Object... arguments) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
    ArrayNode args = request.putArray("arguments");
    for (Object argument : arguments) {
      args.addPOJO(argument);
    }
    return post(request);
  }

  public Reply read(String mbean, String attribute) throws IOException, InterruptedException {
    return post(JSON.createObjectNode().put("type", "read").put("mbean", mbean).put("attribute", attribute));
  }

  public Reply write(String mbean, String attribute, Object value) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("type", "write").put("mbean", mbean).put("attribute", attribute);
    request.putPOJO("value", value);
    return post(request);
  }

  public Reply search(String pattern) throws IOException, InterruptedException {
    return post(JSON.createObjectNode().put("type", "search").put("mbean", pattern));
  }

  /** Sends any JSON text as the request body (for malformed requests). */
  public Reply postRaw(String body) throws IOException, InterruptedException {
    return postRaw(body, Map.of());
  }

  /** Sends any JSON text with extra request headers (e.g. a foreign {@code Origin}). */
  public Reply postRaw(String body, Map<String, String> headers) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
  }

  /** A request of any method to {@code pathAndQuery} below the agent URL, e.g. a GET read or an OPTIONS. */
  public Reply request(String method, String pathAndQuery, Map<String, String> headers)
      throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).method(method, HttpRequest.BodyPublishers.noBody()),
        headers);
  }

  private Reply send(HttpRequest.Builder request, Map<String, String> headers) throws IOException, InterruptedException {
    request.timeout(requestTimeout);
    headers.forEach(request::header);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    int status = response.statusCode();
    try {
      json = JSON.readTree(response.body());
      if (json != null && json.has("status")) {
        status = json.get("status").asInt();
      }
    } catch (IOException notJson) {
      // an HTTP-level refusal (401) has no JSON body; the HTTP status says it all
    }
    return new Reply(response.statusCode(), status, json, response.body(), response.headers());
  }

  private Reply post(ObjectNode request) throws IOException, InterruptedException {
    return postRaw(JSON.writeValueAsString(request));
  }
}
