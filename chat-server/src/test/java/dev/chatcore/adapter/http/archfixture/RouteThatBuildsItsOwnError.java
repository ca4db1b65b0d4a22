package dev.chatcore.adapter.http.archfixture;

import dev.chatcore.adapter.http.ErrorReply;
import java.util.Map;

/** A deliberate violation (test sources only): an error reply built outside the one mapping. */
public final class RouteThatBuildsItsOwnError {
  ErrorReply notFound() {
    return ErrorReply.of(404, "not_found", "no such thing");
  }

  ErrorReply teapot() {
    return new ErrorReply(418, "teapot", "short and stout", Map.of(), Map.of());
  }
}
