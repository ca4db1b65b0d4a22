package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.chat.AdminBanRoutes;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.testing.TestIds;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * The real HTTP adapter on Undertow, port 0, in-memory storage: what HTTP tests talk to.
 * {@link #close()} stops it.
 */
public final class HttpTestServer implements AutoCloseable {
  public static final String SECRET = "test-secret-test-secret-test-secret-0123";
  /** The parse timeout of test servers that do not set one. */
  public static final Duration PARSE_TIMEOUT = Duration.ofSeconds(20);

  private final ChatStorage storage;
  private final ChatCore core;
  private final JwtTokens tokens;
  private final HttpApi api;
  private final HttpListener listener;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  public HttpTestServer(Limits limits) {
    this(limits, Clock.systemUTC());
  }

  /** A server whose core, storage and tokens use {@code clock}. */
  public HttpTestServer(Limits limits, Clock clock) {
    this(limits, clock, PARSE_TIMEOUT);
  }

  /** A server that verifies tokens with {@code tokens} (closed with the server). */
  public HttpTestServer(Limits limits, Clock clock, JwtTokens tokens) {
    this(InMemoryChatStorage.create(clock), limits, clock, tokens, new AccessLog(false), PARSE_TIMEOUT);
  }

  /** A server whose core runs with the host's {@code moderation} (a content filter, report alerts). */
  public HttpTestServer(Limits limits, ContentModeration moderation) {
    this(InMemoryChatStorage.create(Clock.systemUTC()), limits, Clock.systemUTC(), new JwtTokens(SECRET, Clock.systemUTC()),
        new AccessLog(false), PARSE_TIMEOUT, moderation);
  }

  /** A server whose core, storage and tokens use {@code clock}, with the given access log. */
  public HttpTestServer(Limits limits, Clock clock, AccessLog accessLog) {
    this(InMemoryChatStorage.create(clock), limits, clock, new JwtTokens(SECRET, clock), accessLog, PARSE_TIMEOUT);
  }

  /** A server that closes requests whose head or body has not arrived within {@code parseTimeout}. */
  public HttpTestServer(Limits limits, Clock clock, Duration parseTimeout) {
    this(InMemoryChatStorage.create(clock), limits, clock, parseTimeout);
  }

  /** A server over {@code storage} (which it closes), whose storage must run on {@code clock}. */
  public HttpTestServer(ChatStorage storage, Limits limits, Clock clock, Duration parseTimeout) {
    this(storage, limits, clock, new JwtTokens(SECRET, clock), new AccessLog(false), parseTimeout);
  }

  /** A server whose storage, tokens and access log are the caller's choice, without moderation. */
  public HttpTestServer(ChatStorage storage, Limits limits, Clock clock, JwtTokens tokens, AccessLog accessLog,
      Duration parseTimeout) {
    this(storage, limits, clock, tokens, accessLog, parseTimeout, ContentModeration.none());
  }

  /** The server every other constructor makes. */
  private HttpTestServer(ChatStorage storage, Limits limits, Clock clock, JwtTokens tokens, AccessLog accessLog,
      Duration parseTimeout, ContentModeration moderation) {
    this.storage = storage;
    this.core = ChatCore.create(storage, limits, SpamPolicy.defaults(), Retention.defaults(), moderation, clock);
    this.tokens = tokens;
    this.api = ChatHttp.api(core, tokens, new ServerInfo("chat-core", "test", "memory", "local"), Duration.ofDays(1),
        clock, Executors.newVirtualThreadPerTaskExecutor(), accessLog);
    this.listener = HttpListener.start("127.0.0.1", 0, api, parseTimeout);
    this.base = "http://127.0.0.1:" + listener.address().getPort();
  }

  /** Default limits, but a rate limit high enough that tests firing many requests are not refused. */
  public HttpTestServer() {
    this(generousRateLimit(Limits.defaults()));
  }

  /** The server's own HTTP client (keep-alive). */
  public HttpClient client() {
    return client;
  }

  public ChatStorage storage() {
    return storage;
  }

  public JwtTokens tokens() {
    return tokens;
  }

  public static Limits generousRateLimit(Limits d) {
    return d.withRateLimit(10_000, 100_000);
  }

  public ChatCore core() {
    return core;
  }

  public HttpApi api() {
    return api;
  }

  public int port() {
    return URI.create(base).getPort();
  }

  public String url(String path) {
    return base + path;
  }

  /** A token for a new player (or admin) account. */
  public String token(boolean admin) {
    return tokens.issue(TestIds.account(), admin ? "admin" : "player", admin, Duration.ofHours(1));
  }

  public String token(AccountId id, String name, boolean admin) {
    return tokens.issue(id, name, admin, Duration.ofHours(1));
  }

  /** A response: status, headers and the body parsed as JSON (a null node when empty). */
  public record Response(int status, JsonNode json, HttpResponse<String> raw) {
    public String text(String field) {
      return json.path(field).asText();
    }

    /** The field, or null when absent. */
    public JsonNode get(String field) {
      return json.get(field);
    }

    /** The {@code error} code of an error body, or null. */
    public String error() {
      return json.hasNonNull("error") ? json.get("error").asText() : null;
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  public Response get(String path, String token) {
    return send(builder(path, token).GET().build());
  }

  public Response delete(String path, String token) {
    return send(builder(path, token).DELETE().build());
  }

  public Response post(String path, String token, String json) {
    return send(builder(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  public Response method(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder b = builder(path, token);
    if (contentType != null) b.header("Content-Type", contentType);
    return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  public CompletableFuture<Response> postAsync(String path, String token, String json) {
    return client.sendAsync(builder(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpTestServer::parse);
  }

  public CompletableFuture<Response> getAsync(String path, String token) {
    return client.sendAsync(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpTestServer::parse);
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(70));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      return parse(client.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Response parse(HttpResponse<String> response) {
    try {
      JsonNode json = response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
      return new Response(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new AssertionError("reply is not JSON: " + response.body(), e);
    }
  }

  @Override
  public void close() {
    core.close();
    listener.close();
    tokens.close();
    storage.close();
  }
}
