package dev.chatcore.adapter.http;

/**
 * A refusal raised by the HTTP adapter itself, before any use case runs: bad or missing
 * credentials, unknown route, wrong method, body too large, body not JSON, a transfer coding it
 * does not implement, a server draining for a stop. {@link HttpErrors} maps them with every other
 * failure.
 */
public final class HttpProblem extends RuntimeException {
  private final ErrorReply reply;

  private HttpProblem(ErrorReply reply) {
    super(reply.message(), null, false, false);
    this.reply = reply;
  }

  public ErrorReply reply() {
    return reply;
  }

  public static HttpProblem unauthorized(String message) {
    return new HttpProblem(ErrorReply.of(401, "unauthorized", message));
  }

  public static HttpProblem notFound(String message) {
    return new HttpProblem(ErrorReply.of(404, "not_found", message));
  }

  public static HttpProblem methodNotAllowed(String method) {
    return new HttpProblem(
        ErrorReply.of(405, "method_not_allowed", method + " is not allowed here"));
  }

  public static HttpProblem payloadTooLarge(long max) {
    return new HttpProblem(
        ErrorReply.of(413, "payload_too_large", "request body must be at most " + max + " bytes"));
  }

  public static HttpProblem unsupportedMediaType() {
    return new HttpProblem(
        ErrorReply.of(415, "unsupported_media_type", "request body must be application/json"));
  }

  public static HttpProblem notImplemented(String message) {
    return new HttpProblem(ErrorReply.of(501, "not_implemented", message));
  }

  /** A request that arrives while the server drains for a stop. */
  public static HttpProblem shuttingDown() {
    return new HttpProblem(ErrorReply.of(503, "unavailable", "server is shutting down"));
  }

  public static HttpProblem badRequest(String message) {
    return new HttpProblem(ErrorReply.of(400, "bad_request", message));
  }
}
