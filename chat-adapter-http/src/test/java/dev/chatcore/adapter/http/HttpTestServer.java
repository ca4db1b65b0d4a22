package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.testing.TestIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real HTTP API (every route of both APIs) on Undertow, port 0: the one server every HTTP test
 * talks to. {@link #start()} for the defaults, {@link #builder()} to choose the storage, clock,
 * limits, token verifier, access log, parse timeout or content moderation; plus a small JSON client
 * and {@link User test users} that carry their own token. {@link #close()} stops it.
 */
public final class HttpTestServer implements AutoCloseable {
  public static final String SECRET = "test-secret-test-secret-test-secret-0123";

  /** The parse timeout of test servers that do not set one. */
  public static final Duration PARSE_TIMEOUT = Duration.ofSeconds(20);

  /** Outlives any {@code MutableClock} a test moves forward, so only tests about expiry see one. */
  private static final Duration TOKEN_TTL = Duration.ofDays(365);

  private final Clock clock;
  private final ChatStorage storage;
  private final ChatCore core;
  private final JwtTokens tokens;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpApi api;
  private final HttpListener listener;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private HttpTestServer(Builder b) {
    this.clock = b.clock;
    this.storage = b.storage != null ? b.storage : InMemoryChatStorage.create(clock);
    this.tokens = b.tokens != null ? b.tokens : new JwtTokens(SECRET, clock);
    this.core =
        ChatCore.create(
            storage, b.limits, SpamPolicy.defaults(), Retention.defaults(), b.moderation, clock);
    this.api =
        ChatHttp.api(
            core,
            tokens,
            new ServerInfo("chat-core", "test", "memory", "local"),
            Duration.ofDays(1),
            clock,
            executor,
            b.accessLog);
    this.listener = HttpListener.start("127.0.0.1", 0, api, b.parseTimeout);
    this.base = "http://127.0.0.1:" + listener.address().getPort();
  }

  /** A server with the defaults of {@link Builder}. */
  public static HttpTestServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Default limits, but a rate limit high enough that tests firing many requests are not refused.
   */
  public static Limits generousRateLimit(Limits d) {
    return d.withRateLimit(10_000, 100_000);
  }

  /**
   * What a test server runs with; each option has a default, so a test names only what it is about.
   */
  public static final class Builder {
    private Limits limits = generousRateLimit(Limits.defaults());
    private Clock clock = Clock.systemUTC();
    private ChatStorage storage;
    private JwtTokens tokens;
    private AccessLog accessLog = new AccessLog(false);
    private Duration parseTimeout = PARSE_TIMEOUT;
    private ContentModeration moderation = ContentModeration.none();

    private Builder() {}

    /** Default: {@link Limits#defaults()} with {@link #generousRateLimit a generous rate limit}. */
    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * The clock of the core, the default storage and the default tokens. Default: the system clock.
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** A storage the server closes; it must run on the server's clock. Default: in memory. */
    public Builder storage(ChatStorage storage) {
      this.storage = storage;
      return this;
    }

    /** The token verifier, closed with the server. Default: HS256 with {@link #SECRET}. */
    public Builder tokens(JwtTokens tokens) {
      this.tokens = tokens;
      return this;
    }

    /** Default: no access log records (request ids only). */
    public Builder accessLog(AccessLog accessLog) {
      this.accessLog = accessLog;
      return this;
    }

    /** How long a request's head and body may take to arrive. Default: {@link #PARSE_TIMEOUT}. */
    public Builder parseTimeout(Duration parseTimeout) {
      this.parseTimeout = parseTimeout;
      return this;
    }

    /** The host's content filter and report alerts. Default: none. */
    public Builder moderation(ContentModeration moderation) {
      this.moderation = moderation;
      return this;
    }

    public HttpTestServer start() {
      return new HttpTestServer(this);
    }
  }

  public Clock clock() {
    return clock;
  }

  public ChatStorage storage() {
    return storage;
  }

  public ChatCore core() {
    return core;
  }

  public JwtTokens tokens() {
    return tokens;
  }

  public HttpApi api() {
    return api;
  }

  /** The server's own HTTP client (keep-alive). */
  public HttpClient client() {
    return client;
  }

  public int port() {
    return listener.address().getPort();
  }

  public String url(String path) {
    return base + path;
  }

  /** A token for a new player (or admin) account. */
  public String token(boolean admin) {
    return tokens.issue(TestIds.account(), admin ? "admin" : "player", admin, TOKEN_TTL);
  }

  public String token(AccountId id, String name, boolean admin) {
    return tokens.issue(id, name, admin, TOKEN_TTL);
  }

  /** A new account with a valid token (registered on its first request). */
  public User user(String name) {
    return new User(TestIds.account(), name, false, Optional.empty());
  }

  public User admin(String name) {
    return new User(TestIds.account(), name, true, Optional.empty());
  }

  /** A new account whose token names {@code device} (end-to-end encryption needs one). */
  public User onDevice(String name, String device) {
    return new User(TestIds.account(), name, false, Optional.of(new DeviceId(device)));
  }

  /** {@code account} as a player. */
  public User player(AccountId account) {
    return new User(account, "player-" + account.value().substring(18), false, Optional.empty());
  }

  /** {@code account} as an admin. */
  public User admin(AccountId account) {
    return new User(account, "admin", true, Optional.empty());
  }

  /** Registers the account now, as its first request would (fixes its join point). */
  public User registered(User user) {
    core.registerCaller().register(user.caller());
    return user;
  }

  /** A test account and its bearer token; sends JSON requests with it. Thread-safe. */
  public final class User {
    private final AccountId id;
    private final String name;
    private final boolean admin;
    private final String token;

    private User(AccountId id, String name, boolean admin, Optional<DeviceId> device) {
      this.id = id;
      this.name = name;
      this.admin = admin;
      this.token = tokens.issue(id, name, admin, device, TOKEN_TTL);
    }

    public AccountId id() {
      return id;
    }

    public String name() {
      return name;
    }

    public boolean admin() {
      return admin;
    }

    public String token() {
      return token;
    }

    public Caller caller() {
      return new Caller(id, name, admin);
    }

    public Response get(String path) {
      return send("GET", path, null);
    }

    public Response delete(String path) {
      return send("DELETE", path, null);
    }

    public Response post(String path, String json) {
      return send("POST", path, json);
    }

    public Response put(String path, String json) {
      return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
      return send("PATCH", path, json);
    }

    /** Sends a request; {@code json} null sends no body. */
    public Response send(String method, String path, String json) {
      return HttpTestServer.this.send(method, path, this, json);
    }
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

  public Response get(User as, String path) {
    return get(path, token(as));
  }

  public Response delete(String path, String token) {
    return send(builder(path, token).DELETE().build());
  }

  public Response delete(User as, String path) {
    return delete(path, token(as));
  }

  public Response post(String path, String token, String json) {
    return send(
        builder(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** POSTs {@code json}, or no body when it is null. */
  public Response post(User as, String path, String json) {
    return send("POST", path, as, json);
  }

  /** Sends a request; {@code json} null sends no body, {@code as} null no token. */
  public Response send(String method, String path, User as, String json) {
    return method(method, path, token(as), json == null ? null : "application/json", json);
  }

  public Response method(
      String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder b = builder(path, token);
    if (contentType != null) b.header("Content-Type", contentType);
    return send(
        b.method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public CompletableFuture<Response> postAsync(String path, String token, String json) {
    return client
        .sendAsync(
            builder(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpTestServer::parse);
  }

  public CompletableFuture<Response> getAsync(String path, String token) {
    return client
        .sendAsync(builder(path, token).GET().build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(HttpTestServer::parse);
  }

  /** Starts a request without waiting for its answer (held syncs). */
  public CompletableFuture<Response> getAsync(User as, String path) {
    return getAsync(path, token(as));
  }

  /** A channel made by {@code admin}: its room id. */
  public String channel(User admin, String name) {
    Response created = post(admin, "/v1/rooms", "{\"name\":\"" + name + "\"}");
    if (created.status() != 201) throw new AssertionError("POST /v1/rooms: " + created);
    return created.text("room_id");
  }

  /** Posts a message: its event id. */
  public String say(User who, String room, String text) {
    Response r =
        post(who, "/v1/rooms/" + room + "/messages", "{\"content\":{\"text\":\"" + text + "\"}}");
    if (r.status() != 200) throw new AssertionError("POST /v1/rooms/{id}/messages: " + r);
    return r.text("event_id");
  }

  /** The stream's head now: a cursor from which only what comes next is delivered. */
  public String head() {
    return storage.events().head().toString();
  }

  /**
   * Sends {@code contentJson} as an {@code m.room_key} to-device message from {@code from}'s device
   * to {@code device} of {@code to} (which must share a room with it and be known: a device is
   * known from its first request).
   */
  public void toDevice(User from, User to, String device, String txnId, String contentJson) {
    Response r =
        send(
            "PUT",
            "/v1/send-to-device/m.room_key/" + txnId,
            from,
            "{\"messages\":{\"" + to.id() + "\":{\"" + device + "\":" + contentJson + "}}}");
    if (r.status() != 200) throw new AssertionError("PUT /v1/send-to-device: " + r);
  }

  /**
   * The to-device messages stored for {@code device} of {@code user}: what no resume acknowledged
   * yet.
   */
  public List<ToDeviceMessage> waitingFor(User user, String device) {
    return storage
        .toDeviceInbox()
        .read(
            new DeviceAddress(user.id(), new DeviceId(device)),
            EventId.ORIGIN,
            storage.events().head(),
            100);
  }

  private static String token(User as) {
    return as == null ? null : as.token();
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(70));
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b;
  }

  private Response send(HttpRequest request) {
    try {
      return parse(client.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Response parse(HttpResponse<String> response) {
    try {
      JsonNode json =
          response.body().isEmpty()
              ? Json.mapper().nullNode()
              : Json.mapper().readTree(response.body());
      return new Response(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new AssertionError("reply is not JSON: " + response.body(), e);
    }
  }

  /**
   * Stops in the server's order: held syncs answered, then the listener, then what the core used.
   */
  @Override
  public void close() {
    core.close();
    listener.close();
    executor.shutdown();
    client.shutdownNow();
    tokens.close();
    storage.close();
  }
}
