package io.triplestore.daemon.http;

import io.triplestore.snapshots.LeaseInfo;
import io.triplestore.snapshots.LeaseLimitExceededException;
import io.triplestore.snapshots.LeaseOptions;
import io.triplestore.snapshots.ReleaseOutcome;
import io.triplestore.snapshots.SnapshotLease;
import io.triplestore.snapshots.SnapshotRegistry;
import io.triplestore.snapshots.SnapshotReleasedException;
import io.triplestore.snapshots.UnknownLeaseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code /snapshots}: leases for remote clients. A lease made here has no owner object, only a
 * label, so its TTL is what ends it unless the client renews or releases it.
 */
final class SnapshotsEndpoint {

  static final int DEFAULT_LIST_LIMIT = 100;
  private static final int MAX_OWNER_LENGTH = 200;

  private final SnapshotRegistry registry;

  SnapshotsEndpoint(SnapshotRegistry registry) {
    this.registry = registry;
  }

  /** {@code POST /snapshots?ttl=&owner=} → 201 with the lease. */
  void create(Request request, Response response, Callback callback) {
    QueryParameters query = QueryParameters.of(request, Set.of("ttl", "owner"));
    String owner = query.text("owner").map(SnapshotsEndpoint::checkOwner)
        .orElseGet(() -> "http " + Request.getRemoteAddr(request));
    LeaseOptions.Builder options = LeaseOptions.builder().noOwner().label(owner);
    query.duration("ttl").ifPresent(options::ttl);
    SnapshotLease lease;
    try {
      lease = registry.create(options.build());
    } catch (LeaseLimitExceededException e) {
      throw new ApiException(429, "too_many_leases", e.getMessage() + "; release or let expire some first")
          .with("limit", e.limit());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter 'ttl' is not allowed: " + e.getMessage()).with("maxTtlMillis",
          registry.maxTtl() == null ? null : registry.maxTtl().toMillis());
    }
    response.getHeaders().put(HttpHeader.LOCATION, "/snapshots/" + lease.id());
    Responses.json(response, callback, 201, describe(lease.info()));
  }

  /** {@code GET /snapshots?limit=} → the live leases, oldest first. */
  void list(Request request, Response response, Callback callback) {
    QueryParameters query = QueryParameters.of(request, Set.of("limit"));
    int limit = query.number("limit", 1, SnapshotRegistry.MAX_INFO_LIMIT).orElse((long) DEFAULT_LIST_LIMIT).intValue();
    List<Map<String, Object>> leases = registry.info(limit).stream().map(SnapshotsEndpoint::describe)
        .collect(Collectors.toList());
    Responses.json(response, callback, 200, Responses.object("count", registry.count(), "leases", leases));
  }

  /** {@code GET /snapshots/{id}}. */
  void get(Request request, Response response, Callback callback, long id) {
    QueryParameters.of(request, Set.of());
    Responses.json(response, callback, 200, describe(lease(registry, id).info()));
  }

  /** {@code POST /snapshots/{id}/renew?ttl=} → the lease with its new deadline. */
  void renew(Request request, Response response, Callback callback, long id) {
    QueryParameters query = QueryParameters.of(request, Set.of("ttl"));
    Duration ttl = query.duration("ttl").orElse(registry.defaultTtl());
    LeaseInfo info;
    try {
      info = registry.renew(id, ttl);
    } catch (UnknownLeaseException e) {
      throw unknown(id);
    } catch (SnapshotReleasedException e) {
      throw released(e);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("query parameter 'ttl' is not allowed: " + e.getMessage());
    }
    Responses.json(response, callback, 200, describe(info));
  }

  /** {@code DELETE /snapshots/{id}} → 204. */
  void release(Request request, Response response, Callback callback, long id) {
    QueryParameters.of(request, Set.of());
    ReleaseOutcome outcome = registry.release(id);
    if (outcome == ReleaseOutcome.UNKNOWN) {
      throw unknown(id);
    }
    if (outcome == ReleaseOutcome.ALREADY_RELEASED) {
      lease(registry, id); // throws the 410 with the reason
    }
    Responses.noContent(response, callback);
  }

  /** The live lease {@code id}, or the 404 / 410 that says why not. */
  static SnapshotLease lease(SnapshotRegistry registry, long id) {
    try {
      return registry.lease(id);
    } catch (UnknownLeaseException e) {
      throw unknown(id);
    } catch (SnapshotReleasedException e) {
      throw released(e);
    }
  }

  static ApiException unknown(long id) {
    return ApiException.notFound("no snapshot lease with id " + id);
  }

  /** 410 Gone with the release reason ({@code EXPIRED}, {@code FORCED}, ...). */
  static ApiException released(SnapshotReleasedException e) {
    String reason = e.reason() == null ? "UNKNOWN" : e.reason().name();
    return ApiException.gone(e.getMessage()).with("id", e.leaseId()).with("reason", reason);
  }

  static Map<String, Object> describe(LeaseInfo info) {
    Instant now = Instant.now();
    return Responses.object(
        "id", info.id(),
        "owner", info.ownerLabel(),
        "description", info.description(),
        "createdAt", info.createdAt().toString(),
        "ageMillis", info.age().toMillis(),
        "ttlMillis", info.ttl().toMillis(),
        "remainingMillis", info.remaining().toMillis(),
        "expiresAt", now.plus(info.remaining()).toString(),
        "warned", info.warned());
  }

  /**
   * An owner label is shown in logs, JMX and JConsole tables: printable characters only. Not
   * controls (a forged log line), not line or paragraph separators, not format characters (a
   * right-to-left override that makes a label read backwards), not lone surrogates or unassigned
   * code points.
   */
  private static String checkOwner(String owner) {
    if (owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
      throw ApiException.badRequest("query parameter 'owner' must be 1 to " + MAX_OWNER_LENGTH
          + " printable characters, got " + owner.length() + (owner.isBlank() ? " blank ones" : ""));
    }
    owner.codePoints().filter(SnapshotsEndpoint::unprintable).findFirst().ifPresent(c -> {
      throw ApiException.badRequest(String.format(Locale.ROOT, "query parameter 'owner' must be printable"
          + " characters; U+%04X (%s) is not", c, Character.getName(c) == null ? "unassigned" : Character.getName(c)));
    });
    return owner;
  }

  private static boolean unprintable(int c) {
    switch (Character.getType(c)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
        return true;
      default:
        return false;
    }
  }
}
