package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.server.di.DaggerMongoServerComponent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A chat server on an embedded MongoDB (mongo-java-server, a fresh one per test) and an HTTP
 * client: what the server-level Mongo tests share.
 */
abstract class MongoServerHarness {
  static final String SECRET = "mongo-server-test-secret-0123456789abcdef";
  private static final ObjectMapper JSON = new ObjectMapper();

  MemoryBackend backend;
  MongoServer mongo;
  InetSocketAddress mongoAddress;
  ChatServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final String admin =
      new JwtTokens(SECRET, Clock.systemUTC())
          .issue(new AccountId("a0000000000000000000000a"), "admin", true, Duration.ofHours(1));
  final String player =
      new JwtTokens(SECRET, Clock.systemUTC())
          .issue(new AccountId("b0000000000000000000000b"), "player", false, Duration.ofHours(1));

  @BeforeEach
  void startMongo() {
    backend =
        new MemoryBackend() {
          @Override
          public void close() {
            // a stopped server keeps its data, like a restarted mongod; dropped with the test
          }
        };
    mongo = new MongoServer(backend);
    mongoAddress = mongo.bind();
  }

  @AfterEach
  void stopAll() {
    if (server != null) server.stop();
    mongo.shutdownNow();
  }

  MongoServer mongo() {
    return mongo;
  }

  MemoryBackend backend() {
    return backend;
  }

  /** Binds {@code replacement} where the stopped server listened (same port, same data). */
  void replaceMongo(MongoServer replacement) {
    mongo = replacement;
    mongo.bind(mongoAddress.getHostString(), mongoAddress.getPort());
  }

  ChatServer startServer(String... extra) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CHAT_PORT",
                "0",
                "CHAT_STORAGE",
                "mongodb",
                "CHAT_MONGO_URI",
                "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort(),
                "CHAT_MONGO_DATABASE",
                "chat_server_test",
                "CHAT_AUTH_SECRET",
                SECRET,
                "CHAT_MONGO_TIMEOUT_MS",
                "1500",
                "CHAT_SYNC_TIMEOUT_MIN_MS",
                "200"));
    for (int i = 0; i < extra.length; i += 2) env.put(extra[i], extra[i + 1]);
    ChatServer started =
        DaggerMongoServerComponent.factory().create(ServerConfig.fromEnvironment(env)).server();
    started.start();
    return started;
  }

  record Answer(int status, JsonNode body) {}

  Answer call(String method, String path, String token, String body)
      throws IOException, InterruptedException {
    return send(request(method, path, token, body));
  }

  HttpRequest request(String method, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
  }

  CompletableFuture<Answer> sendAsync(HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(
            r -> {
              try {
                return new Answer(r.statusCode(), JSON.readTree(r.body()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  String createRoom() throws Exception {
    Answer room = call("POST", "/v1/rooms", admin, "{\"name\":\"lobby\"}");
    assertEquals(201, room.status(), room.body().toString());
    return room.body().get("room_id").asText();
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
