package io.triplestore.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A small client of the daemon's HTTP API over {@link HttpClient}: each call returns the status
 * and body, and never retries, so a test sees exactly what the daemon answered.
 */
public final class ApiClient {

  public static final String N_TRIPLES = "application/n-triples";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient client;
  private final Duration requestTimeout;

  /** Each request may take 60 s. */
  public ApiClient(URI base) {
    this(base, Duration.ofSeconds(60));
  }

  /** With another bound per request (a whole export on a busy machine). */
  public ApiClient(URI base, Duration requestTimeout) {
    this.base = base;
    this.requestTimeout = requestTimeout;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** An answer: status and body. */
  public record Reply(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (status " + status + "): " + body, e);
      }
    }

    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /** Sends a request; {@code body} null sends none. Throws {@link IOException} when the connection fails. */
  public Reply send(String method, String pathAndQuery, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(requestTimeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  public Reply get(String pathAndQuery) throws IOException, InterruptedException {
    return send("GET", pathAndQuery, null, null);
  }

  public Reply addTriples(String nTriples) throws IOException, InterruptedException {
    return send("POST", "/triples", N_TRIPLES, nTriples);
  }

  /** Creates a lease; returns its id, or fails with the reply. */
  public long createLease(String ttl, String owner) throws IOException, InterruptedException {
    Reply reply = send("POST", "/snapshots?ttl=" + encode(ttl) + "&owner=" + encode(owner), null, null);
    if (reply.status() != 201) {
      throw new IllegalStateException("lease not created: " + reply);
    }
    return reply.json().get("id").asLong();
  }

  public Reply release(long id) throws IOException, InterruptedException {
    return send("DELETE", "/snapshots/" + id, null, null);
  }

  /** {@code GET /health}'s lease count. */
  public int leaseCount() throws IOException, InterruptedException {
    return get("/health").json().get("leases").asInt();
  }

  /** Every stored triple as sorted N-Triples lines: the store's content, to compare before and after. */
  public List<String> export() throws IOException, InterruptedException {
    Reply reply = get("/triples");
    if (reply.status() != 200) {
      throw new IllegalStateException("export failed: " + reply);
    }
    return Arrays.stream(reply.body().split("\n")).filter(line -> !line.isBlank()).sorted().toList();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
