package dev.chatcore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code unread}: the example player of SPEC §4, seeded through the /chat API: one global room with
 * 100 members and 200 recent messages, one private room (admin-made) and 20 DM rooms; then that
 * player's {@code GET /chat/?lastRead=<s>} at a fixed rate (default 1000/s), which computes every
 * unread message of every room of the player on each call.
 */
final class UnreadScenario implements Scenario {
  private final int globalMembers;
  private final int globalMessages;
  private final boolean privateRoom;
  private final int privateMembers;
  private final int privateMessages;
  private final int dms;
  private final double seedPace;
  private final FixedRateLoad load;
  private final String lastReadOption;

  UnreadScenario(Options o) {
    globalMembers = (int) o.number("global-members", 100, 1, 100);
    globalMessages = (int) o.number("global-messages", 200, 0, 100_000);
    privateRoom = o.number("private-rooms", 1, 0, 1) == 1;
    privateMembers = (int) o.number("private-members", 10, 1, 50);
    privateMessages = (int) o.number("private-messages", 20, 0, 100_000);
    dms = (int) o.number("dms", 20, 0, 99);
    seedPace = o.decimal("seed-pace", 15);
    load = new FixedRateLoad(o, 1000, 32);
    lastReadOption = o.string("last-read", "seed");
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    Target t = ctx.target();
    Tokens tokens = ctx.tokens();
    long seedStartS = System.currentTimeMillis() / 1000;
    BenchUser admin = tokens.user("bench-admin", true);
    BenchUser player = tokens.user("player", false);
    List<BenchUser> others =
        tokens.users("member", Math.max(globalMembers - 1, Math.max(dms, privateMembers - 1)));
    Seeder seeder = new Seeder(t, seedPace);
    String global = placeInGlobalRoom(t, seeder, player, others.subList(0, globalMembers - 1));

    List<Seeder.Task> posts = new ArrayList<>();
    List<BenchUser> members = new ArrayList<>(others.subList(0, globalMembers - 1));
    members.add(player);
    for (int m = 0; m < members.size(); m++) {
      BenchUser u = members.get(m);
      int first = m;
      posts.add(
          p -> {
            for (int i = first; i < globalMessages; i += members.size())
              p.call().post("/chat/message", u, message(global, "global " + i));
          });
    }
    seeder.runAll(posts);

    String privateRoomId =
        privateRoom
            ? createPrivateRoom(t, admin, player, others.subList(0, privateMembers - 1))
            : null;
    List<Seeder.Task> privatePosts = new ArrayList<>();
    List<BenchUser> inPrivate = new ArrayList<>(others.subList(0, privateMembers - 1));
    inPrivate.add(player);
    for (int m = 0; privateRoom && m < inPrivate.size(); m++) {
      BenchUser u = inPrivate.get(m);
      int first = m;
      privatePosts.add(
          p -> {
            for (int i = first; i < privateMessages; i += inPrivate.size()) {
              p.call().post("/chat/message", u, message(privateRoomId, "guild " + i));
            }
          });
    }
    seeder.runAll(privatePosts);

    Map<Integer, String> dmRooms = new ConcurrentHashMap<>();
    seeder.runAll(
        List.of(
            p -> {
              for (int k = 0; k < dms; k++) {
                ObjectNode body = Api.JSON.createObjectNode();
                body.putArray("players").add(others.get(k).id());
                body.set(
                    "message",
                    Api.JSON.createObjectNode().put("text", "dm " + k + " from the player"));
                JsonNode sent = p.call().post("/chat/dm", player, body);
                dmRooms.put(k, Api.text(sent.path("message"), "roomId", "POST /chat/dm"));
              }
            }));
    List<Seeder.Task> replies = new ArrayList<>();
    for (int k = 0; k < dms; k++) {
      BenchUser u = others.get(k);
      String room = dmRooms.get(k);
      replies.add(p -> p.call().post("/chat/message", u, message(room, "dm reply " + u.name())));
    }
    seeder.runAll(replies);

    long lastRead = lastReadOption.equals("seed") ? seedStartS - 1 : Long.parseLong(lastReadOption);
    String path = "/chat/?lastRead=" + lastRead;
    HttpResponse sample;
    try (Api api = new Api(t)) {
      sample = api.raw("GET", path, player, null);
    }
    if (!sample.ok()) throw Api.failure("GET", path, sample);
    describe(sample, r);

    RequestLoop.Call get = (c, seq, due) -> c.get(path, player.token(), 30_000);
    FixedRateLoad.Measured m = load.run(ctx, t, get);
    r.put("global_room_id", global)
        .put("private_room_id", privateRoomId)
        .put("dm_rooms", dmRooms.size());
    r.put("last_read", lastRead)
        .put("seed_requests", seeder.requests())
        .put("seed_rate_limited_418", seeder.rateLimited());
    r.line(
        "unread: player in %d rooms (%s), %d unread messages in a %d-byte response",
        (int) r.getDouble("sample_rooms"),
        r.get("sample_room_types"),
        (int) r.getDouble("sample_unread_messages"),
        sample.bytes());
    m.report(r, "GET /chat/?lastRead");
    RateLimitCheck.flag(r, m.stats());
  }

  private static ObjectNode message(String roomId, String text) {
    ObjectNode body = Api.JSON.createObjectNode();
    body.set(
        "message",
        Api.JSON
            .createObjectNode()
            .put("text", text + " #" + System.nanoTime())
            .put("roomId", roomId));
    return body;
  }

  /**
   * Every player request places it in one global room; the others are moved into the player's room
   * if needed.
   */
  private static String placeInGlobalRoom(
      Target t, Seeder seeder, BenchUser player, List<BenchUser> others)
      throws InterruptedException {
    String global;
    try (Api api = new Api(t)) {
      global = globalRoomOf(api.get("/chat/", player), "GET /chat/ (player)");
    }
    List<Seeder.Task> joins = new ArrayList<>();
    for (BenchUser u : others) {
      joins.add(
          p -> {
            String mine = globalRoomOf(p.call().get("/chat/", u), "GET /chat/");
            if (!mine.equals(global))
              p.call()
                  .call(
                      "PATCH",
                      "/chat/rooms/join",
                      u,
                      Api.JSON.createObjectNode().put("roomId", global));
          });
    }
    seeder.runAll(joins);
    return global;
  }

  private static String globalRoomOf(JsonNode response, String what) {
    for (JsonNode room : response.path("roomUpdates")) {
      if ("Global".equals(room.path("type").asText())) return Api.text(room, "id", what);
    }
    throw new BenchFailure(what + ": no Global room in roomUpdates: " + Api.brief(response));
  }

  private static String createPrivateRoom(
      Target t, BenchUser admin, BenchUser player, List<BenchUser> others) {
    ObjectNode body = Api.JSON.createObjectNode().put("channel", 2);
    ArrayNode ids = body.putArray("accountIds").add(player.id());
    for (BenchUser u : others) ids.add(u.id());
    body.set("data", Api.JSON.createObjectNode().put("guild", "bench guild"));
    try (Api api = new Api(t)) {
      JsonNode room = api.post("/chat/admin/rooms/new", admin, body);
      return Api.text(room.path("room"), "id", "POST /chat/admin/rooms/new");
    }
  }

  /** What the player's response holds: rooms by type and unread messages. */
  private static void describe(HttpResponse sample, Result r) throws Exception {
    JsonNode root = Api.JSON.readTree(sample.body());
    int rooms = 0;
    int unread = 0;
    Map<String, Integer> types = new TreeMap<>();
    for (JsonNode room : root.path("roomUpdates")) {
      rooms++;
      types.merge(room.path("type").asText("?"), 1, Integer::sum);
      unread += room.path("unread").size();
      if ("Global".equals(room.path("type").asText()))
        r.put("sample_global_members", room.path("members").size());
    }
    r.put("sample_rooms", rooms).put("sample_room_types", types.toString().replace(", ", " "));
    r.put("sample_unread_messages", unread)
        .put("sample_announcements", root.path("announcements").size());
    r.put("sample_bytes", sample.bytes());
  }
}
