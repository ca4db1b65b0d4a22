package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.server.di.DaggerMongoServerComponent;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole server on MongoDB (embedded mongo-java-server), over HTTP. */
class MongoServerTest {
  static final String SECRET = "mongo-server-test-secret-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MemoryBackend backend;
  private MongoServer mongo;
  private InetSocketAddress mongoAddress;
  private ChatServer server;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String admin = new JwtTokens(SECRET, Clock.systemUTC())
      .issue(new AccountId("a0000000000000000000000a"), "admin", true, Duration.ofHours(1));
  private final String player = new JwtTokens(SECRET, Clock.systemUTC())
      .issue(new AccountId("b0000000000000000000000b"), "player", false, Duration.ofHours(1));

  @BeforeEach
  void startMongo() {
    backend = new MemoryBackend();
    mongo = new MongoServer(backend);
    mongoAddress = mongo.bind();
  }

  @AfterEach
  void stopAll() {
    if (server != null) server.stop();
    mongo.shutdownNow();
  }

  ChatServer startServer(String... extra) {
    Map<String, String> env = new java.util.HashMap<>(Map.of("CHAT_PORT", "0", "CHAT_STORAGE", "mongodb",
        "CHAT_MONGO_URI", "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort(),
        "CHAT_MONGO_DATABASE", "chat_server_test", "CHAT_AUTH_SECRET", SECRET,
        "CHAT_MONGO_TIMEOUT_MS", "1500", "CHAT_SYNC_TIMEOUT_MIN_MS", "200"));
    for (int i = 0; i < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
    ChatServer started = DaggerMongoServerComponent.factory().create(ServerConfig.fromEnvironment(env)).server();
    started.start();
    return started;
  }

  record Answer(int status, JsonNode body) {}

  Answer call(String method, String path, String token, String body) throws IOException, InterruptedException {
    return send(request(method, path, token, body));
  }

  HttpRequest request(String method, String path, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
  }

  CompletableFuture<Answer> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      try {
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  String createRoom() throws Exception {
    Answer room = call("POST", "/v1/rooms", admin, "{\"name\":\"lobby\"}");
    assertEquals(201, room.status(), room.body().toString());
    return room.body().get("room_id").asText();
  }

  @Test
  void postsAndReadsAMessageAndKeepsItAcrossARestart() throws Exception {
    server = startServer();
    String room = createRoom();
    Answer sent = call("POST", "/v1/rooms/" + room + "/messages", player,
        "{\"content\":{\"text\":\"hello mongo\"},\"txn_id\":\"t1\"}");
    assertEquals(200, sent.status(), sent.body().toString());
    String eventId = sent.body().get("event_id").asText();
    Answer retry = call("POST", "/v1/rooms/" + room + "/messages", player,
        "{\"content\":{\"text\":\"hello mongo\"},\"txn_id\":\"t1\"}");
    assertEquals(eventId, retry.body().get("event_id").asText(), "the retry returns the first event");

    Answer history = call("GET", "/v1/rooms/" + room + "/messages", player, null);
    assertEquals(200, history.status());
    assertEquals(1, history.body().get("chunk").size());
    assertEquals("hello mongo", history.body().get("chunk").get(0).get("content").get("text").asText());

    Answer wellKnown = call("GET", "/.well-known", null, null);
    assertEquals("mongodb", wellKnown.body().get("storage").asText());
    assertEquals("polling", wellKnown.body().get("sync_delivery").asText());
    assertEquals(200, call("GET", "/readyz", null, null).status());

    server.stop();
    server = startServer();
    Answer again = call("GET", "/v1/rooms/" + room + "/messages", player, null);
    assertEquals(eventId, again.body().get("chunk").get(0).get("event_id").asText(), "durable across a restart");
  }

  @Test
  void aHeldSyncIsAnsweredByAPost() throws Exception {
    server = startServer();
    String room = createRoom();
    String head = call("GET", "/v1/rooms/" + room, player, null).body().get("head").asText();
    CompletableFuture<Answer> held = sendAsync(request("GET", "/v1/sync?since=" + head + "&timeout=20s", player, null));
    assertTrue(awaitHeld(1), "the sync is held");
    String eventId = call("POST", "/v1/rooms/" + room + "/messages", admin, "{\"content\":{\"text\":\"wake\"}}")
        .body().get("event_id").asText();
    Answer answer = held.get(5, TimeUnit.SECONDS);
    assertEquals(200, answer.status());
    assertEquals(eventId, answer.body().get("events").get(0).get("event_id").asText());
    assertEquals(eventId, answer.body().get("next_batch").asText());
  }

  boolean awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.core().syncWaiter().heldCount() < count) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }
}
