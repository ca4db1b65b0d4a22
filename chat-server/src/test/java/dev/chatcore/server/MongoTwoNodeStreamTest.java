package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes on one MongoDB (the polling feed): a Server-Sent Events stream opened on node A
 * with a ticket issued by node B gets every message posted on node B, once, in order.
 */
class MongoTwoNodeStreamTest extends MongoServerHarness {
  @Test
  void aStreamOnNodeAGetsThePostsOfNodeBOnceInOrder() throws Exception {
    server = startServer();
    ChatServer nodeB = startServer();
    try {
      String room = createRoom();
      String since = server.core().storage().events().head().toString();
      String ticket = callOn(nodeB, "POST", "/v1/stream-tickets", player).get("ticket").asText();
      BlockingQueue<String> ids = new LinkedBlockingQueue<>();
      HttpRequest open =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://127.0.0.1:"
                          + server.address().getPort()
                          + "/v1/events?since="
                          + since
                          + "&ticket="
                          + ticket))
              .GET()
              .build();
      HttpResponse<Stream<String>> sse = http.send(open, HttpResponse.BodyHandlers.ofLines());
      assertEquals(200, sse.statusCode(), "a ticket issued by node B opens a stream on node A");
      Thread reader =
          Thread.ofVirtual()
              .start(
                  () ->
                      sse.body()
                          .filter(line -> line.startsWith("id: "))
                          .forEach(line -> ids.add(line.substring(4))));
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        sent.add(
            callOn(
                    nodeB,
                    "POST",
                    "/v1/rooms/" + room + "/messages",
                    admin,
                    "{\"content\":{\"text\":\"from B " + i + "\"}}")
                .get("event_id")
                .asText());
      }
      List<String> got = new ArrayList<>();
      while (got.size() < sent.size()) {
        String id = ids.poll(20, TimeUnit.SECONDS);
        assertTrue(id != null, "got " + got.size() + " of " + sent.size());
        got.add(id);
      }
      assertEquals(sent, got);
      assertEquals(null, ids.poll(300, TimeUnit.MILLISECONDS), "nothing twice");
      reader.interrupt();
      assertEquals(
          401,
          call("GET", "/v1/events?since=" + since + "&ticket=" + ticket, null, null).status(),
          "the ticket was used, on whichever node");
    } finally {
      nodeB.stop();
    }
  }

  private JsonNode callOn(ChatServer node, String method, String path, String token)
      throws Exception {
    return callOn(node, method, path, token, null);
  }

  private JsonNode callOn(ChatServer node, String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.address().getPort() + path))
            .timeout(Duration.ofSeconds(20))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    b.header("Authorization", "Bearer " + token);
    Answer a = send(b.build());
    assertEquals(200, a.status(), a.body().toString());
    return a.body();
  }
}
