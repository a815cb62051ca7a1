package io.triplestore.daemon.ctl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The daemon's Jolokia, as {@code triplestorectl} speaks to it: JSON requests by POST, answers
 * unwrapped to their {@code value}, and every way it can go wrong turned into one
 * {@link CtlFailure} line with its exit code (unreachable, 401, a refusal inside a 200 answer).
 */
final class JolokiaConnection {

  /** Reads and quick operations; {@code reclaim} and {@code compact} wait as long as they take. */
  static final Duration QUICK = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final Optional<String> user;
  private final Optional<String> authorization;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** {@code password} is required when {@code user} is present. */
  JolokiaConnection(URI url, Optional<String> user, Optional<String> password) {
    this.url = url;
    this.user = user;
    this.authorization = user.map(name -> "Basic " + Base64.getEncoder()
        .encodeToString((name + ":" + password.orElseThrow()).getBytes(StandardCharsets.UTF_8)));
  }

  /** Every attribute of {@code mbean}, as a JSON object. */
  JsonNode readAll(String mbean) {
    return send(JSON.createObjectNode().put("type", "read").put("mbean", mbean), QUICK);
  }

  /** One attribute of {@code mbean}. */
  JsonNode read(String mbean, String attribute) {
    return send(JSON.createObjectNode().put("type", "read").put("mbean", mbean).put("attribute", attribute), QUICK);
  }

  /** Runs {@code operation} and returns its result; waits at most {@code timeout}, or forever when null. */
  JsonNode exec(Duration timeout, String mbean, String operation, Object... arguments) {
    ObjectNode request = JSON.createObjectNode().put("type", "exec").put("mbean", mbean).put("operation", operation);
    ArrayNode args = request.putArray("arguments");
    for (Object argument : arguments) {
      args.addPOJO(argument);
    }
    return send(request, timeout);
  }

  private JsonNode send(ObjectNode request, Duration timeout) {
    HttpResponse<String> response = post(request, timeout);
    if (response.statusCode() == 401) {
      throw new CtlFailure(ExitCode.UNAUTHORIZED, user
          .map(name -> "Jolokia at " + url + " refused the password of user '" + name + "' (HTTP 401)")
          .orElse("Jolokia at " + url + " needs credentials (HTTP 401): give --user and --password-file, "
              + "or set TRIPLESTORECTL_USER and TRIPLESTORECTL_PASSWORD_FILE"));
    }
    if (response.statusCode() != 200) {
      throw new CtlFailure(ExitCode.REFUSED, "Jolokia at " + url + " answered HTTP " + response.statusCode());
    }
    JsonNode answer = parse(response.body());
    int status = answer.path("status").asInt(0);
    if (status != 200) {
      throw new CtlFailure(ExitCode.REFUSED, refusal(request, answer, status));
    }
    return answer.path("value");
  }

  private HttpResponse<String> post(ObjectNode request, Duration timeout) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (timeout != null) {
      builder.timeout(timeout);
    }
    authorization.ifPresent(value -> builder.header("Authorization", value));
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw unreachable("connection refused (is triplestored running, with Jolokia on? is --url right?)");
    } catch (HttpTimeoutException e) {
      throw unreachable("no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable("interrupted");
    }
  }

  private CtlFailure unreachable(String why) {
    return new CtlFailure(ExitCode.UNREACHABLE, "cannot reach Jolokia at " + url + ": " + why);
  }

  private JsonNode parse(String body) {
    try {
      JsonNode answer = JSON.readTree(body);
      if (answer == null || !answer.isObject()) {
        throw new IOException("not a JSON object");
      }
      return answer;
    } catch (IOException e) {
      throw new CtlFailure(ExitCode.REFUSED, url + " did not answer as Jolokia does (" + e.getMessage()
          + "); is --url the Jolokia URL, e.g. http://127.0.0.1:8778/jolokia/ ?");
    }
  }

  /** Jolokia's error without the exception class it starts with; the class means nothing to an operator. */
  private static String refusal(ObjectNode request, JsonNode answer, int status) {
    String error = answer.path("error").asText("");
    String type = answer.path("error_type").asText("");
    if (!type.isEmpty() && error.startsWith(type + " : ")) {
      error = error.substring(type.length() + 3);
    }
    String what = request.path("type").asText() + " " + request.path("mbean").asText()
        + (request.has("operation") ? " " + request.path("operation").asText() : "");
    if (status == 403) {
      return "refused (" + what + "): " + error + " (without jolokia.user the daemon's Jolokia is read-only)";
    }
    return error.isEmpty() ? "Jolokia status " + status + " for " + what : error;
  }
}
