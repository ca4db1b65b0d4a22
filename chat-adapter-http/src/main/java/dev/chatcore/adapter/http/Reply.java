package dev.chatcore.adapter.http;

/**
 * A successful answer: a status and a body that {@link Json} writes ({@code null} for none).
 */
public record Reply(int status, Object body) {
  /** A body sent as it is, with its own content type (not JSON): {@code GET /openapi.yaml}. */
  public record Raw(String contentType, byte[] bytes) {}

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
