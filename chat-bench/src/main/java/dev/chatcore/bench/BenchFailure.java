package dev.chatcore.bench;

/**
 * A scenario cannot produce honest figures: the server refused a setup call, an endpoint is
 * missing, or a precondition does not hold. The run ends with {@code "ok": false} and this message.
 */
final class BenchFailure extends RuntimeException {
  BenchFailure(String message) {
    super(message);
  }

  BenchFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
