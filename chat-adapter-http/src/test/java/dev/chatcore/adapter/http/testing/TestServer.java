package dev.chatcore.adapter.http.testing;

import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
    this(HttpTestServer.generousRateLimit(dev.chatcore.domain.policy.Limits.defaults()), clock);
  }

  /** A server with its own limits (short stream heartbeats and lifetimes, small bounds). */
  public TestServer(dev.chatcore.domain.policy.Limits limits, Clock clock) {
    server = new HttpTestServer(limits, clock);
  }

  /** The server underneath (its URL, its HTTP client). */
  public HttpTestServer http() {
    return server;
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

  /** A new account whose token names {@code device} (end-to-end encryption needs one). */
  public User onDevice(String name, String device) {
    AccountId id = TestIds.account();
    return new User(id, name, false, server.tokens().issue(id, name, false,
        Optional.of(new DeviceId(device)), Duration.ofHours(1)));
  }

  /**
   * Sends {@code contentJson} as an {@code m.room_key} to-device message from {@code from}'s device
   * to {@code device} of {@code to} (which must share a room with it and be known: a device is known
   * from its first request).
   */
  public void toDevice(User from, User to, String device, String txnId, String contentJson) {
    Response r = send("PUT", "/v1/send-to-device/m.room_key/" + txnId, from,
        "{\"messages\":{\"" + to.id() + "\":{\"" + device + "\":" + contentJson + "}}}");
    if (r.status() != 200) throw new AssertionError("PUT /v1/send-to-device: " + r);
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

  /** A channel made by {@code admin}: its room id. */
  public String channel(User admin, String name) {
    Response created = post(admin, "/v1/rooms", "{\"name\":\"" + name + "\"}");
    if (created.status() != 201) throw new AssertionError("POST /v1/rooms: " + created);
    return created.text("room_id");
  }

  /** The stream's head now: a cursor from which only what comes next is delivered. */
  public String head() {
    return core().storage().events().head().toString();
  }

  /** Posts a message: its event id. */
  public String say(User who, String room, String text) {
    Response r = post(who, "/v1/rooms/" + room + "/messages", "{\"content\":{\"text\":\"" + text + "\"}}");
    if (r.status() != 200) throw new AssertionError("POST /v1/rooms/{id}/messages: " + r);
    return r.text("event_id");
  }

  /** The to-device messages stored for {@code device} of {@code user}: what no resume acknowledged yet. */
  public List<ToDeviceMessage> waitingFor(User user, String device) {
    return storage().toDeviceInbox().read(new DeviceAddress(user.id(), new DeviceId(device)), EventId.ORIGIN,
        storage().events().head(), 100);
  }

  private static String token(User as) {
    return as == null ? null : as.token();
  }

  @Override
  public void close() {
    server.close();
  }
}
