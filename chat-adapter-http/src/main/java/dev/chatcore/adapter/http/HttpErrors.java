package dev.chatcore.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ChatException;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.ContentRejectedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.error.UnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The one place where failures become HTTP statuses. Long-poll completions use it too. */
public final class HttpErrors {
  private static final Logger LOG = Logger.getLogger(HttpErrors.class.getName());

  private HttpErrors() {}

  public static ErrorReply toReply(Throwable failure) {
    Throwable t = unwrap(failure);
    return switch (t) {
      case ChatException e -> fromDomain(e);
      case HttpProblem p -> p.reply();
      case JsonProcessingException e -> ErrorReply.of(400, "bad_request", "malformed JSON");
      default -> internal(t);
    };
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static ErrorReply fromDomain(ChatException e) {
    return switch (e) {
      case InvalidInputException x -> ErrorReply.of(400, "bad_request", x.getMessage());
      case ContentRejectedException x ->
          new ErrorReply(400, "rejected", x.getMessage(), Map.of("reason", x.reason()), Map.of());
      case NotFoundException x -> ErrorReply.of(404, "not_found", x.getMessage());
      case ForbiddenException x -> ErrorReply.of(403, "forbidden", x.getMessage());
      case ConflictException x -> ErrorReply.of(409, "conflict", x.getMessage());
      case PayloadTooLargeException x -> ErrorReply.of(413, "payload_too_large", x.getMessage());
      case BannedException x -> banned(x);
      case RateLimitedException x ->
          new ErrorReply(
              418,
              "rate_limited",
              x.getMessage(),
              Map.of(),
              Map.of(
                  "Retry-After",
                  Long.toString(Math.max(1, (x.retryAfter().toMillis() + 999) / 1000))));
      case UnavailableException x -> ErrorReply.of(503, "unavailable", x.getMessage());
    };
  }

  private static ErrorReply banned(BannedException e) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("reason", e.reason());
    extra.put("until", e.until().map(i -> (Object) i.getEpochSecond()).orElse(null));
    return new ErrorReply(401, "banned", e.getMessage(), extra, Map.of());
  }

  private static ErrorReply internal(Throwable t) {
    LOG.log(Level.SEVERE, "request failed", t);
    return ErrorReply.of(500, "internal", "internal error");
  }
}
