package dev.chatcore.adapter.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer: status, the {@code error} code, a human {@code message}, extra body fields
 * ({@code until}, {@code reason}) and headers ({@code Retry-After}).
 */
public record ErrorReply(
    int status,
    String error,
    String message,
    Map<String, Object> extra,
    Map<String, String> headers) {

  public ErrorReply {
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    headers = Map.copyOf(headers);
  }

  public static ErrorReply of(int status, String error, String message) {
    return new ErrorReply(status, error, message, Map.of(), Map.of());
  }

  /** The JSON body: {@code {"error", "message", ...extra}}. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("message", message);
    body.putAll(extra);
    return body;
  }
}
