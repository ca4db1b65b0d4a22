package dev.chatcore.adapter.http;

import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.MutableClock;
import java.time.Duration;

/**
 * The real HTTP API (every route of both APIs) on Undertow, port 0, over in-memory storage and
 * a {@link MutableClock}; plus a small JSON client. One per test class or test; close it.
 */
public final class TestApi implements AutoCloseable {
  public final MutableClock clock = new MutableClock();
  public final ChatStorage storage;
  public final ChatCore core;
  public final JwtTokens tokens;
  private final HttpTestServer server;

  private TestApi(Limits limits) {
    server = new HttpTestServer(limits, clock);
    storage = server.storage();
    core = server.core();
    tokens = server.tokens();
  }

  public static TestApi start() {
    return new TestApi(HttpTestServer.generousRateLimit(Limits.defaults()));
  }

  public static TestApi start(Limits limits) {
    return new TestApi(limits);
  }

  /** The default limits with other global room capacities. */
  public static Limits globalCapacity(int capacity, int overflow) {
    Limits d = HttpTestServer.generousRateLimit(Limits.defaults());
    return d.withRoomCapacities(capacity, overflow, d.privateRoomCapacity());
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
      return server.method(method, path, token, json == null ? null : "application/json", json);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
