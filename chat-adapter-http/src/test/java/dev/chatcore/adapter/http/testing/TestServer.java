package dev.chatcore.adapter.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.adapter.http.ServerInfo;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.system.SystemRoutes;
import dev.chatcore.adapter.http.v1.V1ActivityRoutes;
import dev.chatcore.adapter.http.v1.V1MembershipRoutes;
import dev.chatcore.adapter.http.v1.V1Routes;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.TestIds;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real HTTP API on Undertow, bound to a free port on 127.0.0.1, over in-memory storage; and
 * a small client for it. One per test class or test; {@link #close()} stops everything.
 */
public final class TestServer implements AutoCloseable {
  public static final String SECRET = "test-secret-test-secret-test-secret-0123";

  /** An account with a token for it. */
  public record User(AccountId id, String name, boolean admin, String token) {
    public Caller caller() {
      return new Caller(id, name, admin);
    }
  }

  /** A response: status and body (JSON null for an empty body). */
  public record Response(int status, JsonNode json, HttpResponse<String> raw) {
    public String text(String field) {
      return json.path(field).asText();
    }
  }

  private final InMemoryChatStorage storage;
  private final ChatCore core;
  private final JwtTokens tokens;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final Undertow undertow;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public TestServer() {
    this(Clock.systemUTC());
  }

  /** A server whose core and tokens use {@code clock}. */
  public TestServer(Clock clock) {
    storage = new InMemoryChatStorage(clock);
    Limits limits = Limits.defaults();
    core = ChatCore.create(storage, limits, clock);
    tokens = new JwtTokens(SECRET, clock);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new SystemRoutes(core.checkReadiness(), limits, new ServerInfo("chat-core", "test", "memory", "local")).routes());
    routes.addAll(new V1Routes(core, tokens, Duration.ofDays(1)).routes());
    routes.addAll(new V1MembershipRoutes(core).routes());
    routes.addAll(new V1ActivityRoutes(core).routes());
    HttpApi api = new HttpApi(routes, tokens, limits.requestBodyMaxBytes(), workers);
    undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(api.handler()).build();
    undertow.start();
    int port = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
    base = URI.create("http://127.0.0.1:" + port);
  }

  public ChatCore core() {
    return core;
  }

  public InMemoryChatStorage storage() {
    return storage;
  }

  /** A new account with a valid token (registered on its first request). */
  public User user(String name) {
    AccountId id = TestIds.account();
    return new User(id, name, false, tokens.issue(id, name, false, Duration.ofHours(1)));
  }

  public User admin(String name) {
    AccountId id = TestIds.account();
    return new User(id, name, true, tokens.issue(id, name, true, Duration.ofHours(1)));
  }

  /** Registers the account now, as its first request would (fixes its join point). */
  public User registered(User user) {
    core.registerCaller().register(user.caller());
    return user;
  }

  public Response get(User as, String path) {
    return send("GET", path, as, null);
  }

  public Response post(User as, String path, String json) {
    return send("POST", path, as, json);
  }

  public Response delete(User as, String path) {
    return send("DELETE", path, as, null);
  }

  /** Sends a request; {@code json} null sends no body, {@code as} null no token. */
  public Response send(String method, String path, User as, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    if (as != null) request.header("Authorization", "Bearer " + as.token());
    if (json != null) {
      request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = response.body().isEmpty() ? Json.mapper().nullNode() : Json.mapper().readTree(response.body());
      return new Response(response.statusCode(), body, response);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    core.close();
    undertow.stop();
    workers.shutdownNow();
    storage.close();
  }
}
