package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.chat.ChatRoutes;
import dev.chatcore.adapter.http.system.SystemRoutes;
import dev.chatcore.adapter.http.v1.V1Routes;
import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.MutableClock;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real HTTP API (every route of both APIs) on Undertow, port 0, over in-memory storage and
 * a {@link MutableClock}; plus a small JSON client. One per test class or test; close it.
 */
public final class TestApi implements AutoCloseable {
  private static final String SECRET = "test-secret-test-secret-test-secret-0123";

  public final MutableClock clock = new MutableClock();
  public final InMemoryChatStorage storage = new InMemoryChatStorage();
  public final ChatCore core;
  public final JwtTokens tokens;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Undertow undertow;
  private final URI base;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestApi(Limits limits) {
    core = ChatCore.create(storage, limits, clock);
    tokens = new JwtTokens(SECRET, clock);
    List<Route> routes = new ArrayList<>();
    routes.addAll(new SystemRoutes(core.checkReadiness(), limits, new ServerInfo("chat-core", "test", "memory", "local")).routes());
    routes.addAll(new V1Routes(core, tokens, Duration.ofDays(1)).routes());
    routes.addAll(new ChatRoutes(core).routes());
    HttpApi api = new HttpApi(routes, tokens, limits.requestBodyMaxBytes(), executor);
    undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(api.handler()).build();
    undertow.start();
    InetSocketAddress address = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
    base = URI.create("http://127.0.0.1:" + address.getPort());
  }

  public static TestApi start() {
    return new TestApi(Limits.defaults());
  }

  public static TestApi start(Limits limits) {
    return new TestApi(limits);
  }

  /** The default limits with other global room capacities. */
  public static Limits globalCapacity(int capacity, int overflow) {
    Limits d = Limits.defaults();
    return new Limits(d.requestBodyMaxBytes(), d.messageTextMaxChars(), d.messageContextMaxBytes(),
        d.preferencesMaxBytes(), d.roomNameMaxChars(), d.reactionKeyMaxChars(), d.syncTimeoutDefault(),
        d.syncTimeoutMin(), d.syncTimeoutMax(), d.syncBatchMax(), d.heldSyncsPerAccount(), d.historyLimitDefault(),
        d.historyLimitMax(), d.typingTimeoutDefault(), d.typingTimeoutMax(), d.dmMembersMax(), capacity, overflow,
        d.privateRoomCapacity(), d.rateLimitPerSecond(), d.rateLimitBurst());
  }

  /** A client with a player token for {@code account}. */
  public Client player(AccountId account) {
    return new Client(tokens.issue(account, "player-" + account.value().substring(18), false, Duration.ofDays(365)));
  }

  public Client admin(AccountId account) {
    return new Client(tokens.issue(account, "admin", true, Duration.ofDays(365)));
  }

  /** A client without a token. */
  public Client anonymous() {
    return new Client(null);
  }

  /** An answer: status and parsed JSON body ({@code null} when empty). */
  public record Response(int status, JsonNode json, HttpResponse<String> raw) {
    public JsonNode get(String field) {
      return json.get(field);
    }

    public String error() {
      return json == null || json.get("error") == null ? null : json.get("error").asText();
    }

    @Override
    public String toString() {
      return status + " " + raw.body();
    }
  }

  /** Sends JSON requests with one token. Thread-safe. */
  public final class Client {
    private final String token;

    private Client(String token) {
      this.token = token;
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

    public Response send(String method, String path, String json) {
      HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
      if (token != null) b.header("Authorization", "Bearer " + token);
      if (json != null) b.header("Content-Type", "application/json");
      b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
      try {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isEmpty() ? null : Json.mapper().readTree(r.body());
        return new Response(r.statusCode(), body, r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  @Override
  public void close() {
    undertow.stop();
    core.close();
    executor.shutdownNow();
    http.close();
  }
}
