package dev.chatcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * Setup calls (rooms, seed messages, reactions, receipts, /chat seeding) over one keep-alive
 * connection, with Jackson for bodies. A 418 rate-limit answer is waited out ({@code Retry-After},
 * bounded) and retried: a refused request has no side effect (SPEC §5). Any other non-2xx status
 * fails the scenario with the endpoint, the status and the body; 404/405 say the endpoint may not
 * be implemented yet. One Api per thread.
 */
final class Api implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MS = 30_000;
  private static final long MAX_RATE_LIMIT_WAIT_NS = 120_000_000_000L;

  private final HttpConnection conn;
  private long rateLimited;

  Api(Target target) {
    this.conn = HttpConnection.to(target);
  }

  /** 418 answers waited out so far. */
  long rateLimited() {
    return rateLimited;
  }

  JsonNode get(String path, BenchUser user) {
    return call("GET", path, user, null);
  }

  JsonNode post(String path, BenchUser user, Object body) {
    return call("POST", path, user, body);
  }

  JsonNode call(String method, String path, BenchUser user, Object body) {
    HttpResponse r = raw(method, path, user, body);
    if (!r.ok()) throw failure(method, path, r);
    try {
      return r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body());
    } catch (IOException e) {
      throw new BenchFailure(
          method
              + " "
              + path
              + " -> "
              + r.status()
              + " with a body that is not JSON: "
              + r.brief());
    }
  }

  /** The response whatever its status, except that 418 is waited out and retried. */
  HttpResponse raw(String method, String path, BenchUser user, Object body) {
    String json;
    try {
      json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    long giveUp = System.nanoTime() + MAX_RATE_LIMIT_WAIT_NS;
    while (true) {
      HttpResponse r;
      try {
        r = conn.send(method, path, user == null ? null : user.token(), json, TIMEOUT_MS);
      } catch (IOException e) {
        throw new BenchFailure(method + " " + path + ": " + e, e);
      }
      if (r.status() != 418 || System.nanoTime() > giveUp) return r;
      rateLimited++;
      LockSupport.parkNanos(retryAfterNanos(r.retryAfter()));
    }
  }

  static long retryAfterNanos(String retryAfter) {
    try {
      double s = Double.parseDouble(retryAfter);
      return (long) (Math.min(Math.max(s, 0.05), 10) * 1e9);
    } catch (RuntimeException e) {
      return 1_000_000_000L;
    }
  }

  static BenchFailure failure(String method, String path, HttpResponse r) {
    String hint =
        switch (r.status()) {
          case 404, 405, 501 -> " (endpoint not implemented by this server yet?)";
          case 401 -> " (token refused: wrong --secret?)";
          case 418 -> " (rate limited: raise the server's rate limit, see docs/performance.md)";
          default -> "";
        };
    return new BenchFailure(
        method + " " + stripQuery(path) + " -> " + r.status() + hint + ": " + r.brief());
  }

  private static String stripQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A required string field, or a failure naming the endpoint and the response. */
  static String text(JsonNode node, String field, String what) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual())
      throw new BenchFailure(what + ": no string \"" + field + "\" in " + brief(node));
    return v.asText();
  }

  static String brief(JsonNode n) {
    String s = n.toString();
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  // ---- /v1 calls used by several scenarios

  /** POST /v1/rooms as an admin → the new channel's room_id. */
  String createChannel(BenchUser admin, String name) {
    JsonNode room = post("/v1/rooms", admin, JSON.createObjectNode().put("name", name));
    return text(room, "room_id", "POST /v1/rooms");
  }

  /** head of GET /v1/rooms/{id}, or null. */
  String head(String roomId, BenchUser user) {
    JsonNode room = get("/v1/rooms/" + roomId, user);
    JsonNode head = room.get("head");
    return head == null || head.isNull() ? null : head.asText();
  }

  /** POST /v1/rooms/{id}/messages → event_id. */
  String postMessage(String roomId, BenchUser user, String text) {
    JsonNode r = post("/v1/rooms/" + roomId + "/messages", user, Wire.message(text));
    return text(r, "event_id", "POST /v1/rooms/{id}/messages");
  }

  /** Live streams open on the server now ({@code open_streams} of {@code GET /readyz}). */
  int openStreams() {
    JsonNode ready = get("/readyz", null);
    return ready.path("open_streams").asInt(-1);
  }

  /** A start cursor for a sync loop: the room's head, or the id of a warm-up message posted now. */
  String startCursor(String roomId, BenchUser user) {
    String head = head(roomId, user);
    return head != null ? head : postMessage(roomId, user, "WARM#start");
  }

  @Override
  public void close() {
    conn.close();
  }
}
