package dev.chatcore.bench;

/**
 * A load run whose requests were mostly refused with 418 measured the rate limit, not the server:
 * mark the run as not ok (its figures stay in the result) and say how to lift the limit.
 */
final class RateLimitCheck {
  private RateLimitCheck() {}

  static void flag(Result r, LoadStats s) {
    long limited = s.status(418);
    if (limited > 0 && limited * 100 > s.requests()) {
      r.put("ok", false);
      r.put(
          "error",
          limited
              + " of "
              + s.requests()
              + " requests were answered 418 (rate limited): the per-account rate limit,"
              + " not the server's capacity, bounds this run; start the server with a higher limit (see --server-env in"
              + " docs/performance.md)");
      r.line("  NOT OK: %d of %d requests answered 418 (rate limited)", limited, s.requests());
    }
  }
}
