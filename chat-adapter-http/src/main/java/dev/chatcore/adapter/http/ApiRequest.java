package dev.chatcore.adapter.http;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a handler sees of a request: path and query parameters, the body, and the authenticated
 * caller. Accessors validate and name the parameter in their 400s.
 */
public final class ApiRequest {
  private final Map<String, String> pathParams;
  private final Map<String, Deque<String>> queryParams;
  private final byte[] body;
  private final Caller caller;
  private final Function<String, String> headers;
  private JsonBody json;

  public ApiRequest(
      Map<String, String> pathParams,
      Map<String, Deque<String>> queryParams,
      byte[] body,
      Caller caller) {
    this(pathParams, queryParams, body, caller, name -> null);
  }

  /**
   * @param headers the first value of a request header by name, or null
   */
  public ApiRequest(
      Map<String, String> pathParams,
      Map<String, Deque<String>> queryParams,
      byte[] body,
      Caller caller,
      Function<String, String> headers) {
    this.pathParams = pathParams;
    this.queryParams = queryParams;
    this.body = body;
    this.caller = caller;
    this.headers = headers;
  }

  /** The first value of a request header, trimmed; empty when absent or blank. */
  public Optional<String> header(String name) {
    String v = headers.apply(name);
    if (v == null || v.isBlank()) return Optional.empty();
    return Optional.of(v.strip());
  }

  /** The authenticated caller; only routes that need a token get one. */
  public Caller caller() {
    if (caller == null) throw new IllegalStateException("route has no caller");
    return caller;
  }

  /** The body as a JSON object (parsed once). */
  public JsonBody json() {
    if (json == null) json = Json.parseObject(body);
    return json;
  }

  /** The exact text of values in the body, for signed JSON that must be kept as it came. */
  public RawJson rawJson() {
    json(); // the body is a well-formed JSON object before its parts are cut out
    return new RawJson(body);
  }

  public String path(String name) {
    String value = pathParams.get(name);
    if (value == null) throw new IllegalStateException("no path parameter " + name);
    return value;
  }

  public RoomId pathRoom(String name) {
    return RoomId.parse(path(name), name);
  }

  public AccountId pathAccount(String name) {
    return AccountId.parse(path(name), name);
  }

  public EventId pathEvent(String name) {
    return EventId.parse(path(name), name);
  }

  /** The first value of a query parameter, trimmed; empty when absent or blank. */
  public Optional<String> query(String name) {
    Deque<String> values = queryParams.get(name);
    if (values == null || values.isEmpty()) return Optional.empty();
    String v = values.getFirst().strip();
    return v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  public Optional<EventId> queryEvent(String name) {
    return query(name).map(v -> EventId.parse(v, name));
  }

  public Optional<Integer> queryInt(String name) {
    return query(name)
        .map(
            v -> {
              try {
                return Integer.parseInt(v);
              } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "must be an integer");
              }
            });
  }

  public Optional<Long> queryLong(String name) {
    return query(name)
        .map(
            v -> {
              try {
                return Long.parseLong(v);
              } catch (NumberFormatException e) {
                throw new InvalidInputException(name, "must be an integer");
              }
            });
  }

  public Optional<Boolean> queryBoolean(String name) {
    return query(name)
        .map(
            v ->
                switch (v.toLowerCase(Locale.ROOT)) {
                  case "true", "1" -> true;
                  case "false", "0" -> false;
                  default -> throw new InvalidInputException(name, "must be true or false");
                });
  }
}
