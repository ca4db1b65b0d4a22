package dev.chatcore.adapter.http.testing;

import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link HttpTestServer} seen through test users: each {@link User} carries its own token.
 */
public final class TestServer implements AutoCloseable {
  /** A test account and its bearer token. */
  public record User(AccountId id, String name, boolean admin, String token) {
    public Caller caller() {
      return new Caller(id, name, admin);
    }
  }

  private final HttpTestServer server;

  public TestServer() {
    this(Clock.systemUTC());
  }

  /** A server whose core and tokens use {@code clock}. */
  public TestServer(Clock clock) {
    server = new HttpTestServer(HttpTestServer.generousRateLimit(dev.chatcore.domain.policy.Limits.defaults()), clock);
  }

  public ChatCore core() {
    return server.core();
  }

  public ChatStorage storage() {
    return server.storage();
  }

  public int port() {
    return server.port();
  }

  /** A new account with a valid token (registered on its first request). */
  public User user(String name) {
    return issue(name, false);
  }

  public User admin(String name) {
    return issue(name, true);
  }

  private User issue(String name, boolean admin) {
    AccountId id = TestIds.account();
    return new User(id, name, admin, server.tokens().issue(id, name, admin, Duration.ofHours(1)));
  }

  /** Registers the account now, as its first request would (fixes its join point). */
  public User registered(User user) {
    core().registerCaller().register(user.caller());
    return user;
  }

  public Response get(User as, String path) {
    return server.get(path, token(as));
  }

  /** POSTs {@code json}, or no body when it is null. */
  public Response post(User as, String path, String json) {
    return send("POST", path, as, json);
  }

  public Response delete(User as, String path) {
    return server.delete(path, token(as));
  }

  /** Sends a request; {@code json} null sends no body, {@code as} null no token. */
  public Response send(String method, String path, User as, String json) {
    return server.method(method, path, token(as), json == null ? null : "application/json", json);
  }

  /** Starts a request without waiting for its answer (held syncs). */
  public java.util.concurrent.CompletableFuture<Response> getAsync(User as, String path) {
    return server.getAsync(path, token(as));
  }

  private static String token(User as) {
    return as == null ? null : as.token();
  }

  @Override
  public void close() {
    server.close();
  }
}
